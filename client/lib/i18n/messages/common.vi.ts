export const commonVi = {
  app: {
    name: 'Giám sát Chương trình Chính phủ số',
    skipToContent: 'Chuyển đến nội dung chính',
    loading: 'Đang tải…',
  },
  language: {
    switchTo: 'English',
    switchLabel: 'Chuyển ngôn ngữ sang tiếng Anh',
    switchAccountLabel: 'Chuyển ngôn ngữ sang tiếng Anh, cho giao diện và thư gửi cho bạn',
  },
  roles: {
    admin: 'Quản trị hệ thống',
    office: 'Văn phòng Chính phủ',
    officer: 'Chuyên viên',
    leader: 'Lãnh đạo cơ quan',
    inspector: 'Thanh tra',
  },
  roleDescriptions: {
    admin:
      'Bạn quản trị hệ thống: danh mục cơ quan, người dùng và vai trò, mẫu báo cáo và định nghĩa chỉ tiêu.',
    office:
      'Bạn thuộc Văn phòng Chính phủ: đăng ký văn bản chỉ đạo và giao nhiệm vụ, chọn cơ quan chủ trì, phối hợp và thời hạn; phê duyệt gia hạn; chấp nhận hoặc trả lại báo cáo hoàn thành; theo dõi bảng điều khiển toàn quốc theo thời gian thực, xếp hạng cơ quan và xuất báo cáo giám sát hằng tháng.',
    officer:
      'Bạn là chuyên viên của cơ quan: xem trước các nhiệm vụ của cơ quan mình, việc còn mở lên đầu, hạn gần nhất trước; cập nhật tiến độ (phần trăm, diễn giải, minh chứng); đề nghị gia hạn; báo cáo hoàn thành và nhập báo cáo định kỳ của cơ quan.',
    leader:
      'Bạn là lãnh đạo cơ quan: phê duyệt (ký duyệt) báo cáo định kỳ và báo cáo hoàn thành nhiệm vụ của cơ quan trước khi gửi Văn phòng Chính phủ.',
    inspector:
      'Bạn là thanh tra: chỉ xem, ở mọi nơi; đi từ chỉ tiêu quốc gia xuống từng cơ quan, đến các báo cáo chứa số liệu và lịch sử ai đã thay đổi gì, khi nào; kiểm tra nhật ký kiểm toán còn nguyên vẹn.',
  },
  levels: {
    central: 'Trung ương',
    provincial: 'Địa phương cấp tỉnh',
    department: 'Sở, ban, ngành',
    commune: 'Cấp xã',
  },
  kinds: {
    ministry: 'Bộ',
    ministry_level: 'Cơ quan ngang bộ',
    government_agency: 'Cơ quan thuộc Chính phủ',
    city: 'Thành phố trực thuộc TW',
    province: 'Tỉnh',
    commune: 'Xã',
    ward: 'Phường',
    special_zone: 'Đặc khu',
    department: 'Sở, ban, ngành',
  },
  /** The sentences every form shares; a form's catalogue adds only its own. */
  validation: {
    required: 'Vui lòng nhập {{field}}.',
    choose: 'Vui lòng chọn {{field}}.',
    tooLong: '{{field}} quá dài.',
    invalid: '{{field}} không hợp lệ.',
    notANumber: '{{field}} phải là một số.',
    invalidDate: '{{field}} phải là một ngày có thật, dạng dd/mm/yyyy, ví dụ 31/12/2026.',
    invalidCharacter: '{{field}} chứa ký tự không lưu được (NUL). Vui lòng xoá ký tự đó.',
    ambiguous:
      '{{field}} viết theo kiểu khác: trong tiếng Việt, dấu chấm ngăn cách hàng nghìn và dấu phẩy đánh dấu phần thập phân (ví dụ 1.234,5).',
    summaryTitle: 'Có lỗi cần sửa',
    fixErrors: 'Vui lòng sửa các mục được đánh dấu.',
    requiredFieldsIntro: 'Các trường có dấu * là bắt buộc.',
    dateFormat: 'Ngày chưa đúng: hãy nhập một ngày có thật theo dạng dd/mm/yyyy, ví dụ 31/12/2026.',
    monthPart: 'Tháng',
    yearPart: 'Năm',
    chooseFile: 'Chọn tệp',
    noFileChosen: 'Chưa chọn tệp',
    dateHint: 'Dạng dd/mm/yyyy, ví dụ 31/12/2026.',
    passwordTooShort: 'Mật khẩu phải có ít nhất 12 ký tự.',
    passwordTooLong: 'Mật khẩu không được dài quá 200 ký tự.',
    passwordContainsUsername: 'Mật khẩu không được chứa tên đăng nhập.',
    passwordCommon:
      'Mật khẩu này quá phổ biến hoặc dễ đoán (có trong danh sách mật khẩu thường dùng hoặc đã bị lộ). Hãy chọn một cụm từ dài hơn, khó đoán hơn.',
  },
  errors: {
    UNAUTHENTICATED: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    FORBIDDEN: 'Bạn không có quyền truy cập chức năng này.',
    NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
    CONFLICT: 'Dữ liệu đã bị người khác thay đổi. Vui lòng tải lại và thử lại.',
    VALIDATION: 'Dữ liệu nhập không hợp lệ. Vui lòng kiểm tra lại.',
    INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    ACCOUNT_DISABLED: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống.',
    RATE_LIMITED: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.',
    DATABASE_UNAVAILABLE:
      'Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
    UNAVAILABLE: 'Máy chủ đang khởi động lại. Vui lòng thử lại sau vài giây.',
    INTERNAL: 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.',
    NETWORK: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  },
  lockout: {
    /** A login locked after repeated failures (`lockedOutError`), with the time it still waits. */
    minutes_one: 'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau {{count}} phút.',
    minutes_other: 'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau {{count}} phút.',
    seconds_one: 'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau {{count}} giây.',
    seconds_other: 'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau {{count}} giây.',
  },
  common: {
    retry: 'Thử lại',
    reload: 'Tải lại trang',
    /** Fetches the latest version of a record someone else changed meanwhile. */
    reloadLatest: 'Tải lại',
    errorTitle: 'Đã xảy ra lỗi',
    unexpected: 'Trang gặp lỗi không mong muốn. Tải lại trang để tiếp tục; dữ liệu đã lưu không bị mất.',
    previous: 'Trang trước',
    next: 'Trang sau',
    pageOf: 'Trang {{page}} / {{pages}}',
    total: 'Tổng số: {{count}}',
    pagination: 'Phân trang',
    sortAscending: 'sắp xếp tăng dần',
    sortDescending: 'sắp xếp giảm dần',
    sortable: 'bấm để sắp xếp',
    yes: 'Có',
    no: 'Không',
    all: 'Tất cả',
  },
  signedPdf: {
    download: 'Tải PDF',
    title: 'Thông tin ký ban hành (bản PDF)',
    intro:
      'Bản PDF là văn bản hành chính theo Nghị định 30/2020/NĐ-CP (quốc hiệu, cơ quan ban hành, số, địa danh và ngày, nơi nhận, chữ ký), bằng tiếng Việt. Để trống ô nào thì dùng mặc định.',
    number: 'Số văn bản',
    numberHint: 'Để trống để văn thư ghi số khi đăng ký văn bản đã ký (Số: …/BC-VPCP).',
    authority: 'Thẩm quyền ký',
    authorityHint: 'Ví dụ: KT. Bộ trưởng, Chủ nhiệm (khi cấp phó ký thay); để trống nếu người đứng đầu ký.',
    signerTitle: 'Chức vụ người ký',
    signerTitleHint: 'Mặc định: Bộ trưởng, Chủ nhiệm.',
    signerName: 'Họ và tên người ký',
    signerNameHint: 'Để trống để ghi tay khi ký.',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.',
    home: 'Về trang Tổng quan',
  },
  /** The way back from a page that could not show its content. */
  pageError: {
    backToTasks: 'Về danh sách nhiệm vụ',
    backToDocuments: 'Về danh sách văn bản chỉ đạo',
    backToCompliance: 'Về bảng tình hình nộp báo cáo',
  },
  forbidden: {
    title: 'Không có quyền truy cập',
    body: 'Trang này dành cho: {{roles}}.',
    yourRole:
      'Tài khoản của bạn ({{role}}) không mở được trang này; các trang bạn dùng được có trong thanh điều hướng.',
  },
  status: {
    completed_on_time: 'Hoàn thành đúng hạn',
    completed_late: 'Hoàn thành quá hạn',
    in_progress: 'Đang thực hiện trong hạn',
    overdue: 'Quá hạn',
    no_deadline: 'Không có thời hạn',
    withdrawn: 'Đã thu hồi',
    dueSoon: 'Sắp đến hạn',
    stale: 'Chưa cập nhật quá 30 ngày',
  },
  priorities: {
    normal: 'Bình thường',
    high: 'Cao',
    urgent: 'Khẩn',
  },
  /** The agency picker's words (components/agency-picker.tsx): agencies, or provinces and cities. */
  picker: {
    agencies: {
      hint: 'Gõ tên có dấu hoặc không dấu; dùng phím mũi tên để chọn, Enter để xác nhận.',
      noMatches: 'Không tìm thấy cơ quan phù hợp.',
      results: '{{count}} cơ quan phù hợp',
      remove: 'Bỏ chọn {{name}}',
      selected: 'Đã chọn',
      change: 'Đổi cơ quan',
    },
    provinces: {
      hint: 'Gõ tên tỉnh, thành phố; dùng phím mũi tên để chọn, Enter để xác nhận.',
      change: 'Đổi',
      selected: 'đã chọn',
      noMatches: 'Không tìm thấy tỉnh, thành phố phù hợp.',
      results: '{{count}} tỉnh, thành phố phù hợp',
    },
  },
  /** Under which units a per-agency figure is shown (docs/decisions/0028-time-versioned-agencies.md). */
  borders: {
    label: 'Địa giới',
    current: 'Theo đơn vị hiện nay',
    recorded: 'Theo đơn vị tại thời điểm ghi nhận',
    unitEnded: 'đến {{date}}',
    formerUnits: 'gồm số liệu của {{n}} đơn vị cũ',
    tasksCurrent:
      'Số liệu theo đơn vị hiện nay: nhiệm vụ của các đơn vị đã sáp nhập (như trước ngày 01/07/2025) được cộng vào đơn vị kế thừa.',
    tasksRecorded:
      'Số liệu theo đơn vị tại thời điểm giao nhiệm vụ: các đơn vị đã sáp nhập được liệt kê riêng, như khi được giao.',
    figuresCurrent:
      'Số liệu theo đơn vị hiện nay: số liệu các đơn vị đã sáp nhập báo cáo được cộng vào đơn vị kế thừa (Σ tử số / Σ mẫu số). Giá trị toàn quốc không đổi.',
    figuresRecorded:
      'Số liệu theo đơn vị tại thời điểm báo cáo: các đơn vị đã sáp nhập được liệt kê riêng, như khi báo cáo. Giá trị toàn quốc không đổi.',
    obligations:
      'Theo đơn vị hiện nay: chỉ các đơn vị đang tồn tại có nghĩa vụ báo cáo; báo cáo các đơn vị cũ đã nộp vẫn giữ dưới tên đơn vị cũ.',
    communes: 'Theo đơn vị hiện nay: số liệu của các xã, phường đã sáp nhập được cộng vào đơn vị kế thừa.',
  },
};
