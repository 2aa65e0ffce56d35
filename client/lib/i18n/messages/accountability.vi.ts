export const accountabilityVi = {
  /** A task's reminders (đôn đốc) and explanation requests (giải trình), on the task's page. */
  accountability: {
    title: 'Đôn đốc và giải trình',
    /** On the compliance page: the chosen cell. */
    reportSubject: 'Báo cáo của {{agency}}, {{period}}',
    /** On an agency's scorecard. */
    agencyTitle: 'Đôn đốc và giải trình',
    agencyCaption:
      'Số lần đôn đốc cơ quan đã nhận và các yêu cầu giải trình, theo nhiệm vụ và báo cáo định kỳ',
    agencySubject: 'Đối tượng',
    agencyReminders: 'Lượt đôn đốc',
    agencyLastReminder: 'Đôn đốc gần nhất',
    agencyOpen: 'Yêu cầu giải trình đang xử lý',
    agencyLate: 'Trong đó quá hạn giải trình',
    agencyAccepted: 'Giải trình đã được chấp nhận',
    agencyTasks: 'Nhiệm vụ',
    agencyReports: 'Báo cáo định kỳ',
    reminded_one: 'Đã đôn đốc {{count}} lần, lần gần nhất ngày {{date}} ({{name}}): {{message}}',
    reminded_other: 'Đã đôn đốc {{count}} lần, lần gần nhất ngày {{date}} ({{name}}): {{message}}',
    neverReminded: 'Chưa đôn đốc lần nào.',
    explanations: 'Các yêu cầu giải trình',
    noExplanations: 'Chưa có yêu cầu giải trình nào.',
    requestTitle: 'Yêu cầu giải trình ngày {{date}}',
    round: 'Lần {{round}}',
    states: {
      awaiting_answer: 'Chờ cơ quan giải trình',
      awaiting_leader: 'Chờ lãnh đạo cơ quan duyệt',
      awaiting_office: 'Chờ Văn phòng Chính phủ xem xét',
      accepted: 'Đã chấp nhận',
    },
    late: 'Quá hạn giải trình',
    automatic: 'Yêu cầu tự động theo quy tắc đôn đốc',
    reason: 'Lý do yêu cầu: {{reason}}',
    requestedBy: 'Người yêu cầu: {{name}}, lúc {{at}}',
    dueDate: 'Hạn giải trình: {{date}}',
    answer: 'Nội dung giải trình',
    cause: 'Nguyên nhân: {{text}}',
    remedy: 'Giải pháp khắc phục: {{text}}',
    committedDate: 'Cam kết hoàn thành: {{date}}',
    answeredBy: 'Người giải trình: {{name}}, lúc {{at}}',
    notAnswered: 'Cơ quan chủ trì chưa gửi giải trình.',
    leaderApproved: 'Lãnh đạo cơ quan duyệt: {{name}}, lúc {{at}}',
    leaderSentBack: 'Lãnh đạo cơ quan trả lại giải trình: {{name}}, lúc {{at}}',
    officeAccepted: 'Văn phòng Chính phủ chấp nhận: {{name}}, lúc {{at}}',
    officeAskedAgain: 'Văn phòng Chính phủ yêu cầu giải trình lại: {{name}}, lúc {{at}}',
    comment: 'Ý kiến: {{comment}}',
    /** After a write, what was done; then what comes next, from the request as the server now has it. */
    done: {
      reminded: 'Đã gửi đôn đốc.',
      requested: 'Đã gửi yêu cầu giải trình.',
      answered: 'Đã gửi giải trình.',
      approved: 'Đã duyệt giải trình và chuyển Văn phòng Chính phủ.',
      sentBack: 'Đã trả lại giải trình cho chuyên viên.',
      accepted: 'Đã chấp nhận giải trình.',
      askedAgain: 'Đã yêu cầu cơ quan giải trình lại.',
    },
    next: {
      reminded: 'Chuyên viên và lãnh đạo cơ quan chủ trì đã nhận được thông báo kèm lời nhắc.',
      awaiting_answer:
        'Tiếp theo: chuyên viên cơ quan chủ trì gửi giải trình trước hết ngày {{date}}, lãnh đạo cơ quan duyệt, rồi Văn phòng Chính phủ xem xét.',
      awaiting_leader:
        'Tiếp theo: lãnh đạo cơ quan chủ trì duyệt giải trình hoặc trả lại để chuyên viên bổ sung.',
      awaiting_office: 'Tiếp theo: Văn phòng Chính phủ chấp nhận giải trình hoặc yêu cầu giải trình lại.',
      accepted: 'Yêu cầu giải trình đã kết thúc; không cần thao tác thêm.',
    },
  },
  accountabilityForms: {
    remindTitle: 'Đôn đốc',
    remindIntro: 'Chuyên viên và lãnh đạo cơ quan chủ trì nhận được thông báo kèm lời nhắc này.',
    remindReportIntro:
      'Chuyên viên và lãnh đạo cơ quan chưa gửi báo cáo nhận được thông báo kèm lời nhắc này.',
    message: 'Lời nhắc',
    sendReminder: 'Gửi đôn đốc',
    requestTitle: 'Yêu cầu giải trình',
    requestIntro:
      'Cơ quan chủ trì giải trình nguyên nhân, giải pháp khắc phục và ngày cam kết hoàn thành; lãnh đạo cơ quan duyệt trước khi gửi Văn phòng Chính phủ.',
    requestReportIntro:
      'Cơ quan giải trình nguyên nhân chậm hoặc chưa gửi báo cáo, giải pháp khắc phục và ngày cam kết gửi; lãnh đạo cơ quan duyệt trước khi gửi Văn phòng Chính phủ.',
    reason: 'Lý do yêu cầu giải trình',
    workingDays: 'Số ngày làm việc để giải trình',
    workingDaysHint: 'Số nguyên từ 1 đến 30, mặc định 5; không tính ngày nghỉ.',
    sendRequest: 'Gửi yêu cầu giải trình',
    answerTitle: 'Giải trình',
    cause: 'Nguyên nhân',
    remedy: 'Giải pháp khắc phục',
    committedDate: 'Ngày cam kết hoàn thành',
    sendAnswer: 'Gửi giải trình',
    leaderTitle: 'Lãnh đạo duyệt giải trình',
    approve: 'Duyệt giải trình',
    sendBack: 'Trả lại giải trình',
    leaderCommentHint: 'Bắt buộc khi trả lại giải trình.',
    officeTitle: 'Xem xét giải trình',
    accept: 'Chấp nhận giải trình',
    askAgain: 'Yêu cầu giải trình lại',
    officeCommentHint: 'Bắt buộc khi yêu cầu giải trình lại.',
    askAgainDays: 'Số ngày làm việc để giải trình lại',
    askAgainDaysHint: 'Chỉ dùng khi yêu cầu giải trình lại: số nguyên từ 1 đến 30, mặc định 5.',
    comment: 'Ý kiến',
    sending: 'Đang gửi…',
  },
  accountabilityErrors: {
    staleVersion: 'Yêu cầu giải trình đã được người khác thay đổi. Tải lại để xem bản mới nhất.',
    dateInPast: 'Ngày cam kết hoàn thành không được trước ngày hôm nay.',
    taskClosed: 'Nhiệm vụ đã hoàn thành hoặc đã thu hồi: không đôn đốc hay yêu cầu giải trình được nữa.',
    explanationOpen: 'Nhiệm vụ hoặc báo cáo này đang có một yêu cầu giải trình chưa kết thúc.',
    reportNotLate:
      'Báo cáo này đã gửi đúng hạn hoặc chưa đến hạn: chỉ yêu cầu giải trình báo cáo gửi muộn hoặc chưa gửi khi đã quá hạn.',
    nothingToRemind: 'Không có báo cáo nào quá hạn chưa gửi để đôn đốc.',
    idempotencyKeyReused: 'Yêu cầu gửi lại trùng mã với một yêu cầu khác nội dung; hãy tải lại trang.',
  },
  accountabilityValidation: {
    workingDays: '{{field}} phải là số nguyên từ 1 đến 30, ví dụ 5.',
    commentRequired: 'Vui lòng nhập ý kiến để người giải trình biết cần bổ sung điều gì.',
  },
  /** The compliance page: the Office reminds every agency whose report of a period is missing. */
  periodReminder: {
    title: 'Đôn đốc cả kỳ',
    intro:
      'Gửi một lời nhắc tới mọi cơ quan chưa gửi báo cáo của kỳ đã chọn khi đã quá hạn nộp; báo cáo đã gửi, kể cả gửi muộn, không bị nhắc. Trước khi gửi, hệ thống cho biết số cơ quan sẽ nhận lời nhắc.',
    levelNote: 'Theo bộ lọc cấp đang chọn, chỉ nhắc các cơ quan: {{level}}.',
    period: 'Kỳ báo cáo',
    noDuePeriod: 'Chưa có kỳ báo cáo nào quá hạn nộp để đôn đốc.',
    message: 'Lời nhắc',
    check: 'Đôn đốc các cơ quan chưa gửi',
    checking: 'Đang đếm số cơ quan…',
    confirmTitle: 'Xác nhận đôn đốc cả kỳ',
    confirm_one:
      'Lời nhắc sẽ được gửi tới {{formatted}} cơ quan chưa gửi báo cáo kỳ {{period, periodInSentence}}.',
    confirm_other:
      'Lời nhắc sẽ được gửi tới {{formatted}} cơ quan chưa gửi báo cáo kỳ {{period, periodInSentence}}.',
    batches: 'Mỗi lần đôn đốc tối đa {{max}} cơ quan: lời nhắc được gửi thành {{batches}} đợt liên tiếp.',
    quoted: 'Lời nhắc: “{{message}}”',
    send: 'Gửi đôn đốc',
    sending: 'Đang gửi…',
    cancel: 'Hủy',
    done: 'Đã nhắc {{formatted}} cơ quan.',
    partial:
      'Đã nhắc {{formatted}} cơ quan; các cơ quan còn lại chưa được nhắc. Bấm “Gửi đôn đốc” để gửi tiếp.',
    validation: {},
    errors: {
      noneMissing: 'Kỳ này không có cơ quan nào chưa gửi báo cáo: không có ai để đôn đốc.',
      nothingToRemind: 'Các cơ quan đã gửi báo cáo trong lúc chờ xác nhận: không còn ai để đôn đốc.',
      tooManyToRemind: 'Mỗi lần đôn đốc tối đa 1.000 cơ quan; hãy tải lại trang rồi gửi lại.',
    },
  },
  /** The notification centre (/notifications). */
  notificationCentre: {
    title: 'Thông báo',
    intro:
      'Các thông báo mới nhất về nhiệm vụ: đôn đốc, yêu cầu giải trình và kết quả xử lý. Mở một thông báo để đến nhiệm vụ; thông báo đã mở được đánh dấu đã đọc.',
    unread_one: 'Có {{count}} thông báo chưa đọc.',
    unread_other: 'Có {{count}} thông báo chưa đọc.',
    allRead: 'Không có thông báo chưa đọc.',
    markAllRead: 'Đánh dấu đã đọc tất cả',
    marking: 'Đang đánh dấu…',
    empty: 'Chưa có thông báo nào.',
    listLabel: 'Thông báo mới nhất',
    unreadTag: 'Chưa đọc',
    newest: 'Hiện {{count}} thông báo mới nhất.',
    sentences: {
      reminder: 'Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “{{title}}”: {{message}}',
      explanationRequested:
        'Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “{{title}}”, hạn giải trình {{dueDate}}.',
      explanationAnswered:
        'Chuyên viên đã gửi giải trình về nhiệm vụ “{{title}}”, cam kết hoàn thành ngày {{committedDate}}; chờ lãnh đạo cơ quan duyệt.',
      explanationApproved:
        'Lãnh đạo cơ quan chủ trì đã duyệt giải trình về nhiệm vụ “{{title}}”; chờ Văn phòng Chính phủ xem xét.',
      explanationSentBack: 'Lãnh đạo cơ quan trả lại giải trình về nhiệm vụ “{{title}}”: {{comment}}',
      explanationAccepted: 'Văn phòng Chính phủ đã chấp nhận giải trình về nhiệm vụ “{{title}}”.',
      explanationAskedAgain:
        'Văn phòng Chính phủ yêu cầu giải trình lại về nhiệm vụ “{{title}}”, hạn giải trình {{dueDate}}: {{comment}}',
      escalationOffice:
        'Nhiệm vụ “{{title}}” đã quá hạn {{workingDays}} ngày làm việc (hạn {{dueDate}}) dù đã yêu cầu giải trình: báo lãnh đạo Văn phòng Chính phủ.',
      other: 'Có cập nhật về nhiệm vụ “{{title}}”.',
    },
    /** The same, about a periodic report: {{title}} names the report and its period. */
    reportSentences: {
      reminder: 'Văn phòng Chính phủ đôn đốc gửi báo cáo “{{title}}”: {{message}}',
      explanationRequested:
        'Văn phòng Chính phủ yêu cầu giải trình về báo cáo “{{title}}” chậm hoặc chưa gửi, hạn giải trình {{dueDate}}.',
      explanationAnswered:
        'Chuyên viên đã gửi giải trình về báo cáo “{{title}}”, cam kết gửi ngày {{committedDate}}; chờ lãnh đạo cơ quan duyệt.',
      explanationApproved:
        'Lãnh đạo cơ quan đã duyệt giải trình về báo cáo “{{title}}”; chờ Văn phòng Chính phủ xem xét.',
      explanationSentBack: 'Lãnh đạo cơ quan trả lại giải trình về báo cáo “{{title}}”: {{comment}}',
      explanationAccepted: 'Văn phòng Chính phủ đã chấp nhận giải trình về báo cáo “{{title}}”.',
      explanationAskedAgain:
        'Văn phòng Chính phủ yêu cầu giải trình lại về báo cáo “{{title}}”, hạn giải trình {{dueDate}}: {{comment}}',
      escalationOffice:
        'Báo cáo “{{title}}” của {{agency}} vẫn chưa gửi {{workingDays}} ngày làm việc sau hạn {{dueDate}} và chưa có giải trình được chấp nhận: báo lãnh đạo Văn phòng Chính phủ.',
      other: 'Có cập nhật về báo cáo “{{title}}”.',
    },
  },
};
