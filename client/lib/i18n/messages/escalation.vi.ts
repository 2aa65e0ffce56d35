export const escalationVi = {
  escalationAdmin: {
    title: 'Quy tắc leo thang',
    link: 'Quy tắc leo thang nhiệm vụ chậm',
    intro:
      'Hệ thống áp dụng các quy tắc này cho mọi nhiệm vụ đang thực hiện và mọi báo cáo định kỳ phải gửi, mỗi 15 phút và ngay sau nửa đêm (giờ Việt Nam). Ngày làm việc tính theo lịch ngày nghỉ. Mỗi bước (yêu cầu giải trình, báo Văn phòng) chỉ thực hiện một lần cho mỗi hạn của nhiệm vụ, hoặc cho mỗi báo cáo của một cơ quan trong một kỳ.',
    subjects: {
      task: 'Nhiệm vụ',
      report: 'Báo cáo định kỳ',
    },
    enabled: 'Đang áp dụng',
    disabled: 'Tạm dừng',
    enable: 'Áp dụng quy tắc này',
    save: 'Lưu quy tắc',
    saving: 'Đang lưu…',
    saved: 'Đã lưu quy tắc “{{rule}}”.',
    lastChange: 'Sửa lần cuối {{at}} bởi {{by}}.',
    neverChanged: 'Đang dùng thiết lập mặc định.',
    rules: {
      half_time_low_progress: {
        name: 'Vàng: đã qua một phần thời hạn mà tiến độ thấp',
        description:
          'Nhiệm vụ chuyển màu vàng khi thời gian đã trôi qua (từ ngày giao đến hạn) đạt tỷ lệ dưới đây mà tiến độ còn thấp hơn ngưỡng.',
      },
      likely_late: {
        name: 'Vàng: dự báo trễ hạn',
        description:
          'Nhiệm vụ chưa quá hạn chuyển màu vàng khi cảnh báo sớm dự báo hoàn thành sau hạn từ số ngày dưới đây trở lên, hoặc tiến độ không tăng. Dự báo tính từ tiến độ cơ quan chủ trì báo cáo trong 90 ngày gần nhất, hoặc từ thời gian các nhiệm vụ cùng nhóm đã hoàn thành (cách tính hiện trên trang nhiệm vụ). Nhiệm vụ đã vàng vì tiến độ thấp thì giữ lý do đó.',
      },
      overdue: {
        name: 'Đỏ: quá hạn',
        description: 'Nhiệm vụ chuyển màu đỏ từ ngày sau hạn hoàn thành.',
      },
      explanation_after_overdue: {
        name: 'Tự động yêu cầu giải trình nhiệm vụ quá hạn',
        description:
          'Khi nhiệm vụ quá hạn đủ số ngày làm việc dưới đây, hệ thống tự mở yêu cầu giải trình gửi cơ quan chủ trì; chuyên viên và lãnh đạo cơ quan được thông báo.',
      },
      office_after_explanation: {
        name: 'Báo lãnh đạo Văn phòng Chính phủ về nhiệm vụ quá hạn',
        description:
          'Sau bước yêu cầu giải trình thêm số ngày làm việc dưới đây mà nhiệm vụ vẫn quá hạn, người dùng của Văn phòng Chính phủ được thông báo.',
      },
      explanation_when_likely_late: {
        name: 'Tự động yêu cầu giải trình nhiệm vụ có nguy cơ trễ',
        description:
          'Khi cảnh báo sớm dự báo nhiệm vụ trễ hạn (theo ngưỡng ngày của quy tắc “Vàng: dự báo trễ hạn”) trước khi đến hạn, hệ thống tự mở yêu cầu giải trình gửi cơ quan chủ trì, một lần cho mỗi hạn; chuyên viên và lãnh đạo cơ quan được thông báo. Nhiệm vụ đang có yêu cầu giải trình chưa kết thúc thì bỏ qua.',
      },
      explanation_after_missed_report: {
        name: 'Tự động yêu cầu giải trình báo cáo chưa gửi',
        description:
          'Khi báo cáo định kỳ của một cơ quan vẫn chưa gửi sau hạn nộp đủ số ngày làm việc dưới đây, hệ thống tự mở yêu cầu giải trình gửi cơ quan đó, một lần cho mỗi báo cáo và kỳ; chuyên viên và lãnh đạo cơ quan được thông báo. Báo cáo đã gửi (kể cả gửi muộn) hoặc đã được yêu cầu giải trình thì không.',
      },
      office_after_missed_report: {
        name: 'Báo lãnh đạo Văn phòng Chính phủ về báo cáo chưa gửi',
        description:
          'Sau bước yêu cầu giải trình báo cáo thêm số ngày làm việc dưới đây mà báo cáo vẫn chưa gửi và chưa có giải trình được chấp nhận, người dùng của Văn phòng Chính phủ được thông báo.',
      },
    },
    params: {
      elapsedPercent: 'Thời gian đã qua từ (%)',
      progressBelow: 'Tiến độ dưới (%)',
      workingDays: 'Số ngày làm việc quá hạn',
      answerWorkingDays: 'Số ngày làm việc để giải trình',
      moreWorkingDays: 'Thêm số ngày làm việc',
      minDaysLate: 'Dự báo trễ từ (ngày)',
    },
    validation: {
      tooSmall: '{{field}} nhỏ hơn mức tối thiểu cho phép.',
      tooLarge: '{{field}} vượt quá giới hạn cho phép.',
      notAnInteger: '{{field}} phải là một số nguyên.',
    },
    errors: {
      staleVersion:
        'Quy tắc vừa được người khác sửa. Trang đã tải lại thiết lập mới nhất, vui lòng kiểm tra rồi lưu lại.',
    },
  },
  taskEscalation: {
    label: 'Mức cảnh báo',
    levels: { yellow: 'Vàng', red: 'Đỏ' },
    red_one: 'Đỏ từ {{since}} vì quá hạn {{count}} ngày làm việc (hạn {{deadline}}).',
    red_other: 'Đỏ từ {{since}} vì quá hạn {{count}} ngày làm việc (hạn {{deadline}}).',
    redToday: 'Đỏ từ {{since}} vì đã quá hạn {{deadline}}.',
    yellow:
      'Vàng từ {{since}} vì đã qua {{elapsed}} % thời gian (giao ngày {{startedOn}}, hạn {{deadline}}) mà tiến độ mới {{percent}} %, dưới ngưỡng {{below}} %.',
    likelyLate_one:
      'Vàng từ {{since}} vì dự báo trễ khoảng {{count}} ngày (dự kiến xong {{expectedOn}}, hạn {{deadline}}).',
    likelyLate_other:
      'Vàng từ {{since}} vì dự báo trễ khoảng {{count}} ngày (dự kiến xong {{expectedOn}}, hạn {{deadline}}).',
    likelyLateNotMoving: 'Vàng từ {{since}} vì dự báo trễ hạn {{deadline}}: tiến độ không tăng.',
    likelyLateHidden: 'Vàng từ {{since}} vì dự báo có thể trễ hạn {{deadline}}.',
    steps: {
      explanation:
        'Ngày {{at}}: hệ thống tự động yêu cầu giải trình (quá hạn {{workingDays}} ngày làm việc).',
      explanationSkipped:
        'Ngày {{at}}: đến lúc tự động yêu cầu giải trình nhưng nhiệm vụ đã có yêu cầu giải trình đang xử lý.',
      office: 'Ngày {{at}}: đã báo Văn phòng Chính phủ (quá hạn {{workingDays}} ngày làm việc).',
      atRisk_one:
        'Ngày {{at}}: hệ thống tự động yêu cầu giải trình vì dự báo nhiệm vụ trễ khoảng {{count}} ngày.',
      atRisk_other:
        'Ngày {{at}}: hệ thống tự động yêu cầu giải trình vì dự báo nhiệm vụ trễ khoảng {{count}} ngày.',
      atRiskNotMoving:
        'Ngày {{at}}: hệ thống tự động yêu cầu giải trình vì dự báo nhiệm vụ trễ hạn (tiến độ không tăng).',
      atRiskSkipped:
        'Ngày {{at}}: dự báo nhiệm vụ trễ hạn nhưng nhiệm vụ đã có yêu cầu giải trình đang xử lý.',
    },
  },
  reportEscalation: {
    label: 'Quy tắc leo thang',
    explanation:
      'Yêu cầu giải trình tự động ngày {{at}} vì báo cáo chưa gửi {{workingDays}} ngày làm việc sau hạn {{deadline}}.',
    explanationSkipped:
      'Ngày {{at}}: đến lúc tự động yêu cầu giải trình nhưng báo cáo đã có yêu cầu giải trình hoặc vừa được gửi.',
    office:
      'Ngày {{at}}: đã báo Văn phòng Chính phủ vì báo cáo vẫn chưa gửi {{workingDays}} ngày làm việc sau hạn {{deadline}} và chưa có giải trình được chấp nhận.',
  },
};
