// Translation drafted without a certified translator: it needs review by one before production.
import type { Strings } from "./index.ts";

export const zh: Strings = {
  reviewed: false,
  site: {
    name: "我的选票在哪里？",
    skipLink: "跳到主要内容",
    mainNav: "页面",
    languageNav: "语言",
    footer: "我们追踪的是信封，绝不是您的投票内容。",
    unreviewed: "本译文尚未经过认证翻译人员审核。",
  },
  nav: {
    lookup: "查询我的选票",
    faq: "常见问题",
    messages: "这条信息真的是我们发的吗？",
  },
  lookup: {
    title: "查询您的邮寄选票",
    intro: "请按照选民登记上的内容填写。我们只用这些信息来查找您的选票。",
    firstName: "名",
    lastName: "姓",
    dateOfBirth: "出生日期",
    dateOfBirthHint: "月-日-年（MM-DD-YYYY），例如 07-04-1976",
    zip: "邮政编码（ZIP）",
    zipHint: "选民登记上住址的5位邮政编码",
    voterId: "选民编号",
    voterIdHint: "您所在县的选举办公室可以告诉您选民编号。",
    submit: "查找我的选票",
    noscript: "此查询需要 JavaScript。您也可以致电所在县的选举办公室查询选票状态。",
    faqLink: "查询是如何找到我的？",
  },
  ui: {
    searching: "正在查询您的选票…",
    errorSummary: "有问题需要处理",
    errors: {
      firstNameRequired: "请输入您的名",
      lastNameRequired: "请输入您的姓",
      dateOfBirthRequired: "请输入您的出生日期",
      zipRequired: "请输入您的邮政编码",
      voterIdRequired: "请输入您的选民编号",
      firstNameInvalid: "请按选民登记上的写法输入您的名",
      lastNameInvalid: "请按选民登记上的写法输入您的姓",
      dateOfBirthInvalid: "请按 MM-DD-YYYY 格式输入出生日期，例如 07-04-1976",
      dateOfBirthRange: "请输入 01-01-1900 到今天之间的真实出生日期，格式为 MM-DD-YYYY",
      zipInvalid: "请输入住址的5位邮政编码，例如 95814",
      voterIdInvalid: "请按县里提供的写法输入您的选民编号",
      notFound:
        "我们没有找到符合这些信息的选民。请检查是否与您的选民登记一致：姓名、出生日期和住址的邮政编码。新登记需要几天才会显示在这里。如果仍然找不到，请致电所在县的选举办公室。",
      ambiguous: "有不止一位选民符合这些信息。请同时输入您的选民编号。",
      rateLimited: "查询次数过多。请等待{time}后再试。",
      unavailable: "选票查询服务暂时没有响应。请几分钟后再试。",
      network: "无法连接到选票查询服务。请检查网络连接后再试。",
    },
    result: {
      heading: "您的选票",
      olderBallot: "较早的选票",
      election: "选举 {id}",
      noBallot: "我们找到了您的登记，但您所在的县还没有给您寄出邮寄选票。",
      asOf: "信息截至{time}（{relative}）。",
      freshness: "邮政局和县里的更新可能需要一天才会显示在这里。",
      expectedDelivery: "邮政局预计在{date}送达。",
      timeline: "目前的进展",
      next: "下一步",
    },
    waiting: {
      county: "等待县里处理",
      usps: "等待邮政局投递",
      voter: "等待您处理",
      done: "无需再做任何事",
    },
    statuses: {
      issued: {
        label: "县里已准备好",
        meaning: "您所在的县已准备好您的选票，但还没有寄出。",
        next: "县里把选票寄给您。",
      },
      mailed: {
        label: "已寄给您",
        meaning: "县里已把您的选票交给邮政局。",
        next: "邮政局把选票送到您手中。",
      },
      in_transit: {
        label: "正在寄往您处",
        meaning: "邮政局在寄往您处的途中扫描了您的选票。",
        next: "邮政局把选票送到您手中。",
      },
      out_for_delivery: {
        label: "正在派送",
        meaning: "邮递员已拿到您的选票，预计今天送达。",
        next: "选票送到您的信箱。",
      },
      delivered: {
        label: "已送达",
        meaning: "邮政局表示您的选票已送到您的地址。",
        next: "填写选票，在信封上签名，然后寄回或投入官方投递箱。",
      },
      undeliverable: {
        label: "无法投递",
        meaning: "邮政局无法投递您的选票，正在把它退回县里。",
        next: "请致电所在县的选举办公室，申请新选票或亲自投票。",
      },
      returned_by_voter: {
        label: "正在寄回县里",
        meaning: "邮政局在寄回县里的途中扫描了您已填写的选票。",
        next: "县里收到选票。",
      },
      received: {
        label: "县里已收到",
        meaning: "县里已收到您的选票，正在核对信封上的签名。",
        next: "县里核对您的签名，通常需要几天。",
      },
      accepted: {
        label: "已接受",
        meaning: "您的签名已核对通过，您的选票将被计入。",
        next: "县里计票。选举日之后还会继续计票几天。",
      },
      counted: {
        label: "已计入",
        meaning: "您的选票已计入。感谢您投票。",
        next: "无需再做任何事，您的投票已计入。",
      },
      rejected: {
        label: "未计入",
        meaning: "您的选票无法计入。请看下方的原因和您可以采取的措施。",
        next: "请致电所在县的选举办公室。",
      },
      cure_pending: {
        label: "需要您的签名",
        meaning: "在您解决信封签名的问题之前，您的选票不会被计入。",
        next: "在截止日期前签署并交回签名表格。",
      },
      cured: {
        label: "签名问题已解决",
        meaning: "县里已收到您的签名表格，问题已解决。",
        next: "县里计入您的选票。",
      },
      superseded: {
        label: "已被取代",
        meaning: "这张选票已被一张新选票取代。只有新选票才能计入。",
        next: "请使用您的新选票。",
      },
    },
    rejection: {
      heading: "您的选票为什么还没有计入",
      reasons: {
        signature_mismatch: "信封上的签名与您选民登记上的签名不符。",
        signature_missing: "信封上没有签名。",
        other: "您的选票信封有问题。",
      },
      cureHeading: "如何补正",
      cureSteps: [
        "打开县里的签名表格（链接在下方）。",
        "填写表格并签名。",
        "按表格上的说明，在截止日期前通过邮寄、电子邮件或亲自交回。",
      ],
      cureLink: "县里的签名表格",
      noCureLink: "请致电所在县的选举办公室索取签名表格。",
      deadline: "截止日期：{date}",
      noDeadline: "请向所在县的选举办公室询问截止日期。",
      other: "请致电所在县的选举办公室，了解发生了什么以及您可以怎么做。",
    },
  },
  faq: {
    title: "常见问题",
    items: {
      matching: {
        question: "查询是如何找到我的？",
        answer: [
          "我们把您的名、姓、出生日期和邮政编码与县里发给我们的选民名册进行比对。",
          "大小写、重音符号、空格、连字符和撇号都不影响结果：“José O'Brien”和“jose obrien”可以匹配。除此之外，请按选民登记上的写法填写姓名。",
          "如果有不止一位选民的信息相同，我们还会请您输入选民编号。",
        ],
      },
      zip: {
        question: "为什么要填写邮政编码？",
        answer: [
          "只凭姓名和出生日期，有时无法区分不同的选民。选民登记上住址的邮政编码可以确定是您，而不需要填写街道地址。",
          "请填写您居住并登记的地址的邮政编码，而不是通信地址或邮政信箱。",
        ],
      },
      tracked: {
        question: "你们追踪什么？",
        answer: [
          "追踪的是信封，绝不是投票内容。我们显示县里何时准备好您的选票，邮政局何时在往返途中扫描它，以及县里何时收到、核对签名并计入。",
          "在这里没有人能看到您投给了谁。您的选票一直密封在信封里，直到与您的姓名分开后才被计入。",
        ],
      },
      notFound: {
        question: "为什么找不到我？",
        answer: [
          "新登记和信息变更需要几天才会传到我们这里。如果您最近刚登记或搬家，请过几天再试。",
          "请检查您填写的信息是否与选民登记一致。如果仍然找不到，请致电所在县的选举办公室。",
        ],
      },
      freshness: {
        question: "选票状态有多新？",
        answer: [
          "每一步都显示发生的时间，页面也会显示最近一次更新的时间（“截至”）。邮政局和县里每天会发送几次更新。",
          "有时邮政扫描会遗漏，所以某一步可能不会显示。“等待县里处理”表示县里已有您的选票，您不需要做任何事。",
        ],
      },
      rejected: {
        question: "如果我的选票没有被计入怎么办？",
        answer: [
          "如果没有签名或签名不符，您可以在截止日期前签署一份表格来补正。状态页会显示原因、表格链接和截止日期。",
        ],
      },
      privacy: {
        question: "我填写的信息会怎样处理？",
        answer: ["这些信息只用于查找您的选票，不会被保存。查询次数有限制，所以没有人能用本页搜索选民名册。"],
      },
    },
  },
  messages: {
    title: "这条信息真的是我们发的吗？",
    intro:
      "如果您订阅了通知，我们会通过电子邮件、短信或电话告诉您选票的最新情况。骗子有时会模仿这类信息。下面教您如何分辨真假。",
    genuineHeading: "我们发出的真实信息",
    genuine: [
      "只告诉您选票信封的情况：已寄出、已送达、已收到、已计入，或有需要解决的问题。",
      "以您所在县选举办公室的名义发出。短信以县名开头，以“回复STOP退订”结尾。",
      "只链接到本网站或您所在县的官方网站。",
      "只有在您订阅通知后才会收到。县选举办公室也可能就签名问题直接联系您：如有疑问，请拨打其官方网站上的电话号码。",
    ],
    neverHeading: "我们的信息绝不会向您索取",
    never: [
      "社会安全号码、驾照号码或出生日期",
      "银行或信用卡信息，或任何付款",
      "密码或发到您手机上的验证码",
      "您投给了谁或打算投给谁",
    ],
    neverNote: "我们绝不会威胁要取消您的选民登记或您的投票。",
    unsureHeading: "不确定？",
    unsure: [
      "不要点击信息中的链接，也不要回复任何个人信息。",
      "自己打开本网站，在这里查询您的选票。",
      "或者按照县官方网站或样本选票上的电话号码，致电所在县的选举办公室。您也可以向他们举报这条信息。",
    ],
    stopNote: "如要停止接收短信，请回复 STOP。回复 HELP 获取帮助。",
  },
};
