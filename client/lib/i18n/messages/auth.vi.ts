export const authVi = {
  login: {
    title: 'Đăng nhập',
    intro: 'Đăng nhập bằng tài khoản được cấp để theo dõi nhiệm vụ, báo cáo và chỉ tiêu.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
  },
  account: {
    passwordTitle: 'Đổi mật khẩu',
    forcedIntro:
      'Trước khi tiếp tục, vui lòng chọn mật khẩu mới của riêng bạn: mật khẩu hiện tại do quản trị viên đặt hoặc là mật khẩu dùng thử.',
    intro: 'Khi đổi mật khẩu, các phiên đăng nhập khác của bạn (trên máy hoặc trình duyệt khác) sẽ kết thúc.',
    currentPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
    newPasswordHint:
      'Ít nhất 12 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến. Nên dùng một cụm từ dài mà bạn dễ nhớ.',
    confirmPassword: 'Nhập lại mật khẩu mới',
    submit: 'Lưu mật khẩu mới',
    sending: 'Đang đổi mật khẩu…',
    changed: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.',
    validation: {
      passwordMismatch: 'Mật khẩu nhập lại không khớp với mật khẩu mới.',
    },
    errors: {
      currentPasswordWrong: 'Mật khẩu hiện tại không đúng.',
      passwordUnchanged: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    },
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
