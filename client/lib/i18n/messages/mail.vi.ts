export const mailVi = {
  /** The user's mail settings (on the notification centre) and the administrator's outbox. */
  mail: {
    preview: {
      title: 'Xem trước thư tổng hợp hằng ngày',
      intro:
        'Thư tổng hợp gửi lúc 7 giờ sáng gồm các thông báo bạn chọn gộp vào thư, nhiệm vụ quá hạn, sắp đến hạn và việc chờ bạn xử lý. Đây là nội dung thư nếu được lập ngay bây giờ; đến sáng, nội dung có thể thay đổi.',
      show: 'Xem trước thư tổng hợp',
      hide: 'Ẩn bản xem trước',
      forDay: 'Thư tổng hợp sáng ngày {{day}}.',
      noAddress: 'Tài khoản chưa có địa chỉ thư điện tử nên thư sẽ không được gửi.',
      nothing: 'Hiện chưa có nội dung nào để gửi: nếu vẫn như vậy, sẽ không có thư tổng hợp.',
      mailLabel: 'Nội dung thư tổng hợp',
      subject: 'Tiêu đề:',
    },
    settingsTitle: 'Nhận thông báo qua thư điện tử',
    settingsIntro:
      'Chọn cách nhận từng loại thông báo: gửi ngay, gộp vào thư tổng hợp lúc 7 giờ sáng mỗi ngày, hoặc không gửi thư (thông báo vẫn hiện trong trung tâm thông báo).',
    noSmtp: 'Máy chủ chưa cấu hình gửi thư: thư được lưu trong hộp thư đi để quản trị viên xem.',
    email: 'Địa chỉ thư điện tử',
    emailHint: 'Để trống nếu không muốn nhận thư.',
    save: 'Lưu cài đặt',
    saving: 'Đang lưu…',
    saved: 'Đã lưu cài đặt nhận thư.',
    defaultChoice: '(mặc định)',
    deliveries: {
      immediate: 'Gửi ngay',
      digest: 'Thư tổng hợp hằng ngày',
      off: 'Không gửi thư',
    },
    kinds: {
      summary: 'Tổng hợp việc quá hạn, sắp đến hạn và chờ bạn xử lý',
      reminder: 'Văn phòng Chính phủ đôn đốc',
      'explanation.requested': 'Yêu cầu giải trình',
      'explanation.answered': 'Cơ quan đã gửi giải trình',
      'explanation.approved': 'Lãnh đạo đã duyệt giải trình',
      'explanation.sentBack': 'Giải trình bị trả lại',
      'explanation.accepted': 'Giải trình được chấp nhận',
      'explanation.askedAgain': 'Yêu cầu giải trình lại',
      'escalation.office': 'Nhiệm vụ vẫn quá hạn sau khi đã yêu cầu giải trình',
    },
    validation: {
      invalidEmail: 'Địa chỉ thư điện tử không hợp lệ.',
    },
    errors: {
      emailTaken:
        'Địa chỉ thư điện tử này đang dùng cho một tài khoản khác. Hãy nhập địa chỉ của riêng bạn, hoặc liên hệ quản trị viên.',
    },
    languageTitle: 'Ngôn ngữ',
    languageLegend: 'Ngôn ngữ của giao diện và thư gửi cho bạn',
    languageHint:
      'Giao diện hiển thị bằng ngôn ngữ này mỗi khi bạn đăng nhập; thư thông báo và thư tổng hợp hằng ngày cũng được viết bằng ngôn ngữ này. Nút chuyển ngôn ngữ ở đầu trang cũng thay đổi lựa chọn này.',
    saveLanguage: 'Lưu ngôn ngữ',
    languageSaved: 'Đã lưu ngôn ngữ.',
    outboxTitle: 'Hộp thư đi',
    outboxIntro:
      'Mọi thư hệ thống đã tạo, mới nhất trước. Khi chưa cấu hình máy chủ thư (SMTP_URL), thư ở trạng thái “Lưu giữ” và chỉ đọc được tại đây.',
    statusFilter: 'Trạng thái',
    allStatuses: 'Tất cả',
    statuses: {
      queued: 'Chờ gửi',
      sending: 'Đang gửi',
      sent: 'Đã gửi',
      failed: 'Gửi lỗi',
      held: 'Lưu giữ (chưa cấu hình SMTP)',
    },
    mailKinds: {
      notification: 'Thông báo',
      digest: 'Thư tổng hợp',
    },
    columns: {
      createdAt: 'Tạo lúc',
      recipient: 'Người nhận',
      subject: 'Tiêu đề',
      status: 'Trạng thái',
      sentAt: 'Gửi lúc',
    },
    attempts: 'Số lần thử: {{count}}',
    lastError: 'Lỗi gần nhất: {{error}}',
    showText: 'Xem nội dung',
    empty: 'Chưa có thư nào.',
    total: '{{count}} thư',
  },
};
