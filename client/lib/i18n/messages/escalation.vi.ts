export const escalationVi = {
  escalationAdmin: {
    title: 'Quy tắc leo thang',
    link: 'Quy tắc leo thang nhiệm vụ chậm',
    intro:
      'Hệ thống áp dụng các quy tắc này cho mọi nhiệm vụ đang thực hiện mỗi 15 phút và ngay sau nửa đêm (giờ Việt Nam). Ngày làm việc tính theo lịch ngày nghỉ. Mỗi bước (yêu cầu giải trình, báo Văn phòng) chỉ thực hiện một lần cho mỗi hạn đã quá.',
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
      overdue: {
        name: 'Đỏ: quá hạn',
        description: 'Nhiệm vụ chuyển màu đỏ từ ngày sau hạn hoàn thành.',
      },
      explanation_after_overdue: {
        name: 'Tự động yêu cầu giải trình',
        description:
          'Khi nhiệm vụ quá hạn đủ số ngày làm việc dưới đây, hệ thống tự mở yêu cầu giải trình gửi cơ quan chủ trì; chuyên viên và lãnh đạo cơ quan được thông báo.',
      },
      office_after_explanation: {
        name: 'Báo lãnh đạo Văn phòng Chính phủ',
        description:
          'Sau bước yêu cầu giải trình thêm số ngày làm việc dưới đây mà nhiệm vụ vẫn quá hạn, người dùng của Văn phòng Chính phủ được thông báo.',
      },
    },
    params: {
      elapsedPercent: 'Thời gian đã qua từ (%)',
      progressBelow: 'Tiến độ dưới (%)',
      workingDays: 'Số ngày làm việc quá hạn',
      answerWorkingDays: 'Số ngày làm việc để giải trình',
      moreWorkingDays: 'Thêm số ngày làm việc',
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
    steps: {
      explanation:
        'Ngày {{at}}: hệ thống tự động yêu cầu giải trình (quá hạn {{workingDays}} ngày làm việc).',
      explanationSkipped:
        'Ngày {{at}}: đến lúc tự động yêu cầu giải trình nhưng nhiệm vụ đã có yêu cầu giải trình đang xử lý.',
      office: 'Ngày {{at}}: đã báo Văn phòng Chính phủ (quá hạn {{workingDays}} ngày làm việc).',
    },
  },
};
