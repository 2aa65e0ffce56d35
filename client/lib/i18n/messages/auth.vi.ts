export const authVi = {
  login: {
    title: 'Đăng nhập',
    intro: 'Đăng nhập bằng tài khoản được cấp để theo dõi nhiệm vụ, báo cáo và chỉ tiêu.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    required: 'Vui lòng nhập {{field}}.',
  },
  overview: {
    title: 'Tổng quan',
    greeting: 'Xin chào, {{name}}',
    agency: 'Cơ quan',
    role: 'Vai trò',
    today: 'Hôm nay là {{date}}.',
    whatYouCanDo: 'Bạn có thể làm gì',
    countsCaption: 'Số cơ quan, đơn vị theo cấp',
    level: 'Cấp',
    count: 'Số lượng',
    total: 'Tổng cộng',
  },
};
