// Translation drafted without a certified translator: it needs review by one before production.
import type { Strings } from "./index.ts";

export const vi: Strings = {
  reviewed: false,
  site: {
    name: "Lá phiếu của tôi ở đâu?",
    skipLink: "Chuyển đến nội dung chính",
    mainNav: "Các trang",
    languageNav: "Ngôn ngữ",
    footer: "Chúng tôi theo dõi phong bì, không bao giờ theo dõi lá phiếu bạn bầu.",
    unreviewed: "Bản dịch này chưa được một dịch giả có chứng nhận xem lại.",
  },
  nav: {
    lookup: "Theo dõi lá phiếu",
    faq: "Câu hỏi",
    messages: "Tin nhắn này có phải của chúng tôi?",
  },
  lookup: {
    title: "Theo dõi lá phiếu gửi qua bưu điện",
    intro:
      "Nhập thông tin giống như trong hồ sơ ghi danh cử tri của bạn. Chúng tôi chỉ dùng thông tin này để tìm lá phiếu của bạn.",
    firstName: "Tên",
    lastName: "Họ",
    dateOfBirth: "Ngày sinh",
    dateOfBirthHint: "Tháng-ngày-năm (MM-DD-YYYY), ví dụ 07-04-1976",
    zip: "Mã bưu chính (ZIP)",
    zipHint: "Mã ZIP 5 chữ số của địa chỉ nhà trong hồ sơ ghi danh của bạn",
    voterId: "Mã số cử tri",
    voterIdHint: "Văn phòng bầu cử quận của bạn có thể cho bạn biết mã số cử tri.",
    submit: "Tìm lá phiếu của tôi",
    faqLink: "Việc tra cứu tìm tôi như thế nào?",
  },
  ui: {
    searching: "Đang tìm lá phiếu của bạn…",
    errorSummary: "Có vấn đề",
    errors: {
      firstNameRequired: "Nhập tên của bạn",
      lastNameRequired: "Nhập họ của bạn",
      dateOfBirthRequired: "Nhập ngày sinh của bạn",
      zipRequired: "Nhập mã ZIP của bạn",
      voterIdRequired: "Nhập mã số cử tri của bạn",
      firstNameInvalid: "Nhập tên giống như trong hồ sơ ghi danh cử tri của bạn",
      lastNameInvalid: "Nhập họ giống như trong hồ sơ ghi danh cử tri của bạn",
      dateOfBirthInvalid: "Nhập ngày sinh theo dạng MM-DD-YYYY, ví dụ 07-04-1976",
      dateOfBirthRange: "Nhập ngày sinh có thật, từ 01-01-1900 đến hôm nay, theo dạng MM-DD-YYYY",
      zipInvalid: "Nhập mã ZIP 5 chữ số của địa chỉ nhà, ví dụ 95814",
      voterIdInvalid: "Nhập mã số cử tri đúng như quận đã cấp cho bạn",
      notFound:
        "Chúng tôi không tìm thấy cử tri nào có thông tin này. Hãy kiểm tra xem thông tin có khớp với hồ sơ ghi danh cử tri không: tên, ngày sinh và mã ZIP của địa chỉ nhà. Hồ sơ ghi danh mới cần vài ngày mới hiện ở đây. Nếu vẫn không được, hãy gọi văn phòng bầu cử quận của bạn.",
      ambiguous: "Có hơn một cử tri có thông tin này. Hãy nhập thêm mã số cử tri của bạn.",
      rateLimited: "Tra cứu quá nhiều lần. Vui lòng chờ {time} rồi thử lại.",
      unavailable: "Hệ thống theo dõi lá phiếu hiện không phản hồi. Vui lòng thử lại sau vài phút.",
      network: "Chúng tôi không kết nối được với hệ thống theo dõi lá phiếu. Hãy kiểm tra kết nối internet và thử lại.",
    },
    result: {
      heading: "Lá phiếu của bạn",
      olderBallot: "Một lá phiếu cũ hơn",
      election: "Cuộc bầu cử {id}",
      noBallot: "Chúng tôi đã tìm thấy hồ sơ ghi danh của bạn, nhưng quận chưa gửi lá phiếu qua bưu điện cho bạn.",
      asOf: "Thông tin tính đến {time} ({relative}).",
      freshness: "Tin mới từ Bưu điện và quận của bạn có thể mất một ngày mới hiện ở đây.",
      expectedDelivery: "Bưu điện dự kiến giao lá phiếu vào {date}.",
      timeline: "Những gì đã xảy ra",
      next: "Tiếp theo",
    },
    waiting: {
      county: "Đang chờ quận",
      usps: "Đang chờ Bưu điện",
      voter: "Đang chờ bạn",
      done: "Không cần làm gì thêm",
    },
    statuses: {
      issued: {
        label: "Quận đã chuẩn bị",
        meaning: "Quận đã chuẩn bị lá phiếu của bạn. Lá phiếu chưa được gửi đi.",
        next: "Quận gửi lá phiếu cho bạn qua bưu điện.",
      },
      mailed: {
        label: "Đã gửi cho bạn",
        meaning: "Quận đã giao lá phiếu của bạn cho Bưu điện.",
        next: "Bưu điện giao lá phiếu cho bạn.",
      },
      in_transit: {
        label: "Đang trên đường đến bạn",
        meaning: "Bưu điện đã quét lá phiếu của bạn trên đường đến bạn.",
        next: "Bưu điện giao lá phiếu cho bạn.",
      },
      out_for_delivery: {
        label: "Đang đi giao",
        meaning: "Người đưa thư đang giữ lá phiếu của bạn và sẽ giao trong hôm nay.",
        next: "Lá phiếu đến hộp thư của bạn.",
      },
      delivered: {
        label: "Đã giao",
        meaning: "Bưu điện cho biết lá phiếu đã được giao đến địa chỉ của bạn.",
        next: "Bầu lá phiếu, ký tên trên phong bì, rồi gửi lại qua bưu điện hoặc bỏ vào thùng phiếu.",
      },
      undeliverable: {
        label: "Không giao được",
        meaning: "Bưu điện không giao được lá phiếu và đang gửi trả lại cho quận.",
        next: "Gọi văn phòng bầu cử quận để xin lá phiếu mới hoặc đi bầu trực tiếp.",
      },
      returned_by_voter: {
        label: "Đang trên đường về quận",
        meaning: "Bưu điện đã quét lá phiếu bạn đã bầu trên đường trở về quận.",
        next: "Quận nhận lá phiếu.",
      },
      received: {
        label: "Quận đã nhận",
        meaning: "Quận đã nhận lá phiếu của bạn và đang kiểm tra chữ ký trên phong bì.",
        next: "Quận kiểm tra chữ ký của bạn. Việc này thường mất vài ngày.",
      },
      accepted: {
        label: "Đã chấp nhận",
        meaning: "Chữ ký của bạn đã được kiểm tra. Lá phiếu sẽ được đếm.",
        next: "Quận đếm lá phiếu. Việc đếm phiếu kéo dài vài ngày sau ngày bầu cử.",
      },
      counted: {
        label: "Đã đếm",
        meaning: "Lá phiếu của bạn đã được đếm. Cảm ơn bạn đã đi bầu.",
        next: "Không cần làm gì. Lá phiếu của bạn đã được tính.",
      },
      rejected: {
        label: "Không được đếm",
        meaning: "Lá phiếu của bạn không thể được đếm. Xem lý do và những gì bạn có thể làm ở bên dưới.",
        next: "Gọi văn phòng bầu cử quận của bạn.",
      },
      cure_pending: {
        label: "Cần chữ ký của bạn",
        meaning: "Lá phiếu sẽ không được đếm cho đến khi bạn sửa vấn đề về chữ ký trên phong bì.",
        next: "Ký và gửi lại mẫu chữ ký trước hạn chót.",
      },
      cured: {
        label: "Đã sửa lỗi chữ ký",
        meaning: "Quận đã nhận mẫu chữ ký của bạn. Vấn đề đã được giải quyết.",
        next: "Quận đếm lá phiếu của bạn.",
      },
      superseded: {
        label: "Đã được thay thế",
        meaning: "Lá phiếu này đã được thay bằng lá phiếu mới hơn. Chỉ lá phiếu mới hơn mới được đếm.",
        next: "Hãy dùng lá phiếu mới hơn của bạn.",
      },
    },
    rejection: {
      heading: "Vì sao lá phiếu của bạn chưa được đếm",
      reasons: {
        signature_mismatch: "Chữ ký trên phong bì không khớp với chữ ký trong hồ sơ ghi danh cử tri của bạn.",
        signature_missing: "Phong bì chưa được ký tên.",
        other: "Phong bì lá phiếu của bạn có vấn đề.",
      },
      cureHeading: "Cách sửa",
      cureSteps: [
        "Mở mẫu chữ ký của quận (đường dẫn bên dưới).",
        "Điền và ký tên.",
        "Gửi lại trước hạn chót, qua bưu điện, email hoặc trực tiếp, theo hướng dẫn trên mẫu.",
      ],
      cureLink: "Mẫu chữ ký của quận",
      noCureLink: "Gọi văn phòng bầu cử quận và xin mẫu chữ ký.",
      deadline: "Hạn chót: {date}",
      noDeadline: "Hỏi văn phòng bầu cử quận về hạn chót.",
      other: "Gọi văn phòng bầu cử quận để biết chuyện gì đã xảy ra và bạn có thể làm gì.",
    },
  },
  faq: {
    title: "Câu hỏi và trả lời",
    items: {
      matching: {
        question: "Việc tra cứu tìm tôi như thế nào?",
        answer: [
          "Chúng tôi so sánh tên, họ, ngày sinh và mã ZIP của bạn với danh sách cử tri mà quận gửi cho chúng tôi.",
          "Chữ hoa, chữ thường, dấu, khoảng trắng, gạch nối và dấu nháy không quan trọng: “José O'Brien” và “jose obrien” là khớp. Ngoài ra, hãy viết tên giống như trong hồ sơ ghi danh.",
          "Nếu có hơn một cử tri có cùng thông tin, chúng tôi sẽ hỏi thêm mã số cử tri của bạn.",
        ],
      },
      zip: {
        question: "Tại sao cần mã ZIP của tôi?",
        answer: [
          "Tên và ngày sinh không phải lúc nào cũng đủ để phân biệt các cử tri. Mã ZIP của địa chỉ nhà trong hồ sơ ghi danh giúp xác định đúng bạn mà không cần hỏi địa chỉ đường phố.",
          "Dùng mã ZIP của địa chỉ nơi bạn sống và ghi danh, không phải địa chỉ nhận thư hay hộp thư P.O. box.",
        ],
      },
      tracked: {
        question: "Các bạn theo dõi những gì?",
        answer: [
          "Phong bì, không bao giờ là lá phiếu bạn bầu. Chúng tôi cho biết khi nào quận chuẩn bị lá phiếu, khi nào Bưu điện quét lá phiếu trên đường đi và về, và khi nào quận nhận, kiểm tra chữ ký và đếm lá phiếu.",
          "Không ai có thể xem ở đây bạn đã bầu cho ai. Lá phiếu được niêm phong trong phong bì cho đến khi được tách khỏi tên bạn và đem đếm.",
        ],
      },
      notFound: {
        question: "Tại sao không tìm thấy tôi?",
        answer: [
          "Hồ sơ ghi danh mới và các thay đổi cần vài ngày mới đến chỗ chúng tôi. Nếu bạn mới ghi danh hoặc mới chuyển nhà, hãy thử lại sau vài ngày.",
          "Kiểm tra xem thông tin có giống hồ sơ ghi danh không. Nếu vẫn không được, hãy gọi văn phòng bầu cử quận của bạn.",
        ],
      },
      freshness: {
        question: "Tình trạng lá phiếu được cập nhật đến đâu?",
        answer: [
          "Mỗi bước cho biết thời điểm xảy ra, và trang cho biết khi nào tin mới nhất đến (“tính đến”). Bưu điện và quận gửi tin mới nhiều lần mỗi ngày.",
          "Đôi khi Bưu điện bỏ sót một lần quét, nên có thể thiếu một bước. “Đang chờ quận” nghĩa là quận đang giữ lá phiếu của bạn và bạn không cần làm gì.",
        ],
      },
      rejected: {
        question: "Nếu lá phiếu của tôi không được đếm thì sao?",
        answer: [
          "Nếu thiếu chữ ký hoặc chữ ký không khớp, bạn có thể sửa bằng cách ký một mẫu đơn trước hạn chót. Phần tình trạng cho biết lý do, đường dẫn đến mẫu đơn và hạn chót.",
        ],
      },
      privacy: {
        question: "Thông tin tôi nhập sẽ ra sao?",
        answer: [
          "Thông tin chỉ được dùng để tìm lá phiếu của bạn và không được lưu lại. Số lần tra cứu có giới hạn, nên không ai dùng được trang này để dò danh sách cử tri.",
        ],
      },
    },
  },
  messages: {
    title: "Tin nhắn này có thật sự từ chúng tôi?",
    intro:
      "Nếu bạn đăng ký, chúng tôi gửi tin về lá phiếu của bạn qua email, tin nhắn hoặc cuộc gọi. Kẻ lừa đảo đôi khi bắt chước những tin nhắn như vậy. Đây là cách nhận biết tin nhắn thật.",
    genuineHeading: "Tin nhắn thật từ chúng tôi",
    genuine: [
      "Chỉ nói về phong bì lá phiếu của bạn: đã gửi, đã giao, đã nhận, đã đếm, hoặc một vấn đề cần sửa.",
      "Được gửi dưới tên văn phòng bầu cử quận của bạn. Tin nhắn bắt đầu bằng tên quận và kết thúc bằng “STOP để ngừng”.",
      "Chỉ có đường dẫn đến trang này hoặc trang web chính thức của quận.",
      "Chỉ đến khi bạn đã đăng ký nhận thông báo. Văn phòng bầu cử quận cũng có thể tự liên lạc với bạn về vấn đề chữ ký: nếu nghi ngờ, hãy gọi họ theo số trên trang web chính thức.",
    ],
    neverHeading: "Tin nhắn của chúng tôi không bao giờ hỏi",
    never: [
      "Số An Sinh Xã Hội, số bằng lái xe hoặc ngày sinh của bạn",
      "Thông tin ngân hàng hoặc thẻ, hay bất kỳ khoản thanh toán nào",
      "Mật khẩu hoặc mã gửi đến điện thoại của bạn",
      "Bạn đã bầu cho ai hoặc sẽ bầu cho ai",
    ],
    neverNote: "Chúng tôi không bao giờ đe dọa hủy ghi danh hay lá phiếu của bạn.",
    unsureHeading: "Không chắc chắn?",
    unsure: [
      "Đừng bấm vào đường dẫn trong tin nhắn và đừng trả lời bằng bất kỳ thông tin cá nhân nào.",
      "Tự mở trang này và tra cứu lá phiếu của bạn ở đây.",
      "Hoặc gọi văn phòng bầu cử quận theo số trên trang web chính thức hoặc trên lá phiếu mẫu. Bạn cũng có thể báo cáo tin nhắn đó với họ.",
    ],
    stopNote: "Để ngừng nhận tin nhắn, hãy trả lời STOP. Trả lời HELP để được trợ giúp.",
  },
  alerts: {
    title: "Nhận thông báo về lá phiếu của quý vị",
    intro:
      "Chúng tôi có thể báo cho quý vị qua email, tin nhắn hoặc cuộc gọi khi lá phiếu được gửi đi, được giao, được quận nhận và được kiểm, hoặc khi có vấn đề cần sửa.",
    resultHeading: "Nhận thông báo",
    resultText: "Biết từng bước của lá phiếu này qua email, tin nhắn hoặc cuộc gọi, bằng ngôn ngữ của quý vị.",
    resultLink: "Đăng ký nhận thông báo",
    noToken:
      "Để đăng ký hoặc thay đổi thông báo, trước tiên hãy tra cứu lá phiếu. Để bảo vệ quyền riêng tư, trang này chỉ hoạt động vài phút sau khi tra cứu, trong cùng một thẻ trình duyệt.",
    lookupLink: "Tra cứu lá phiếu",
    current: "Thông báo hiện tại của quý vị",
    none: "Quý vị chưa có thông báo nào.",
    channelsLegend: "Chúng tôi nên liên lạc với quý vị bằng cách nào?",
    channelsHint: "Chọn một hoặc nhiều cách.",
    email: "Email",
    emailAddress: "Địa chỉ email",
    emailHint: "Ví dụ name@example.com",
    sms: "Tin nhắn (SMS)",
    smsNumber: "Số điện thoại di động",
    smsHint:
      "Số điện thoại Hoa Kỳ, ví dụ (916) 555-0123. Chúng tôi sẽ nhắn tin một lần để quý vị trả lời YES. Trả lời STOP bất cứ lúc nào để ngừng.",
    voice: "Cuộc gọi",
    voiceNumber: "Số điện thoại",
    voiceHint: "Số điện thoại Hoa Kỳ, ví dụ (916) 555-0123",
    hoursLegend: "Khi nào chúng tôi có thể liên lạc với quý vị?",
    hoursHint: "Theo giờ địa phương của quận. Tin nhắn ngoài giờ này sẽ chờ đến khi bắt đầu giờ liên lạc.",
    from: "Từ",
    until: "Đến",
    language: "Ngôn ngữ của thông báo",
    save: "Lưu thông báo",
    unsubscribeAll: "Hủy tất cả thông báo",
    noscript:
      "Trang này cần JavaScript. Văn phòng bầu cử quận cũng có thể đăng ký thông báo cho quý vị qua điện thoại.",
  },
  alertsUi: {
    loading: "Đang tải thông báo của quý vị…",
    saving: "Đang lưu…",
    saved: "Đã lưu thông báo của quý vị.",
    confirmEmail: "Hãy mở đường liên kết chúng tôi gửi qua email để xác nhận địa chỉ email.",
    confirmSms: "Hãy trả lời YES tin nhắn chúng tôi gửi để bắt đầu nhận thông báo qua tin nhắn.",
    unsubscribed: "Quý vị sẽ không nhận thông báo qua {channel} nữa.",
    unsubscribedAll: "Quý vị sẽ không nhận thông báo nào nữa.",
    unsubscribe: "Hủy thông báo qua {channel}",
    keep: "Hiện tại: {address}. Để trống để giữ nguyên.",
    hours: "Giờ liên lạc: từ {from} đến {until}",
    channelNames: { email: "email", sms: "tin nhắn", voice: "cuộc gọi" },
    consent: {
      pending: "Đang chờ quý vị xác nhận",
      confirmed: "Đang bật",
      opted_out: "Đã hủy",
    },
    errors: {
      emailRequired: "Nhập địa chỉ email của quý vị",
      smsRequired: "Nhập số điện thoại di động của quý vị",
      voiceRequired: "Nhập số điện thoại của quý vị",
      emailInvalid: "Nhập địa chỉ email như name@example.com",
      smsInvalid: "Nhập số di động Hoa Kỳ như (916) 555-0123",
      voiceInvalid: "Nhập số điện thoại Hoa Kỳ như (916) 555-0123",
      noChannel: "Chọn ít nhất một cách liên lạc",
      hoursInvalid: "Chọn giờ bắt đầu sớm hơn giờ kết thúc",
      expired: "Phiên làm việc đã hết. Hãy tra cứu lá phiếu lại để thay đổi thông báo.",
      rateLimited: "Thay đổi quá nhiều lần. Vui lòng chờ {time} rồi thử lại.",
      unavailable: "Dịch vụ thông báo hiện không phản hồi. Vui lòng thử lại sau vài phút.",
      network: "Chúng tôi không kết nối được với hệ thống theo dõi lá phiếu. Hãy kiểm tra kết nối internet và thử lại.",
    },
  },
  confirmed: {
    title: "Xác nhận email",
    outcomes: {
      confirmed: "Cảm ơn quý vị. Địa chỉ email đã được xác nhận: chúng tôi sẽ gửi email về lá phiếu của quý vị.",
      already_used: "Đường liên kết này đã được dùng. Địa chỉ email của quý vị đã được xác nhận.",
      expired: "Đường liên kết này đã hết hạn. Hãy tra cứu lá phiếu và lưu thông báo lại để nhận đường liên kết mới.",
      invalid:
        "Đường liên kết này không dùng được. Hãy sao chép toàn bộ đường liên kết trong email, hoặc tra cứu lá phiếu để đăng ký lại.",
      no_such_channel: "Các thông báo này đã bị xóa. Hãy tra cứu lá phiếu để đăng ký lại.",
    },
    unknown: "Tra cứu lá phiếu để xem và thay đổi thông báo.",
    manageLink: "Quản lý thông báo",
  },
  unsubscribe: {
    title: "Hủy nhận thông báo",
    intro: "Bấm nút để ngừng gửi thông báo về lá phiếu đến địa chỉ này.",
    button: "Hủy nhận thông báo",
    working: "Đang hủy…",
    noToken:
      "Để hủy, hãy dùng đường liên kết ở cuối email của chúng tôi, trả lời STOP một tin nhắn, hoặc tra cứu lá phiếu và thay đổi thông báo.",
    outcomes: {
      unsubscribed: "Quý vị đã hủy nhận thông báo. Chúng tôi sẽ không gửi thông báo đến địa chỉ này nữa.",
      expired: "Đường liên kết này đã hết hạn. Hãy tra cứu lá phiếu để thay đổi thông báo.",
      invalid: "Đường liên kết này không dùng được. Hãy tra cứu lá phiếu để thay đổi thông báo.",
      no_such_channel: "Không còn thông báo nào đến địa chỉ này.",
    },
    failed: "Hiện chúng tôi không thể hủy cho quý vị. Vui lòng thử lại sau vài phút.",
  },
};
