// Translation drafted without a certified translator: it needs review by one before production.
import type { Strings } from "./index.ts";

export const tl: Strings = {
  reviewed: false,
  site: {
    name: "Nasaan ang aking balota?",
    skipLink: "Lumaktaw sa pangunahing nilalaman",
    mainNav: "Mga pahina",
    languageNav: "Wika",
    footer: "Sinusubaybayan namin ang sobre, hindi kailanman ang iyong boto.",
    unreviewed: "Hindi pa nasusuri ng isang sertipikadong tagasalin ang salin na ito.",
  },
  nav: {
    lookup: "Subaybayan ang aking balota",
    faq: "Mga tanong",
    messages: "Galing ba sa amin ang mensaheng ito?",
  },
  lookup: {
    title: "Subaybayan ang iyong balota sa koreo",
    intro:
      "Ilagay ang iyong impormasyon ayon sa nakasulat sa iyong voter registration. Ginagamit lang namin ito para hanapin ang iyong balota.",
    firstName: "Pangalan",
    lastName: "Apelyido",
    dateOfBirth: "Petsa ng kapanganakan",
    dateOfBirthHint: "Buwan-araw-taon (MM-DD-YYYY), halimbawa 07-04-1976",
    zip: "ZIP code",
    zipHint: "Ang 5-digit na ZIP code ng address ng tirahan sa iyong registration",
    voterId: "Voter ID",
    voterIdHint: "Masasabi sa iyo ng tanggapan ng halalan ng iyong county ang iyong voter ID.",
    submit: "Hanapin ang aking balota",
    faqLink: "Paano ako hinahanap ng paghahanap?",
  },
  ui: {
    searching: "Hinahanap ang iyong balota…",
    errorSummary: "May problema",
    errors: {
      firstNameRequired: "Ilagay ang iyong pangalan",
      lastNameRequired: "Ilagay ang iyong apelyido",
      dateOfBirthRequired: "Ilagay ang iyong petsa ng kapanganakan",
      zipRequired: "Ilagay ang iyong ZIP code",
      voterIdRequired: "Ilagay ang iyong voter ID",
      firstNameInvalid: "Ilagay ang iyong pangalan ayon sa iyong voter registration",
      lastNameInvalid: "Ilagay ang iyong apelyido ayon sa iyong voter registration",
      dateOfBirthInvalid: "Ilagay ang iyong petsa ng kapanganakan bilang MM-DD-YYYY, halimbawa 07-04-1976",
      dateOfBirthRange: "Maglagay ng totoong petsa ng kapanganakan mula 01-01-1900 hanggang ngayon, bilang MM-DD-YYYY",
      zipInvalid: "Ilagay ang 5-digit na ZIP code ng iyong tirahan, halimbawa 95814",
      voterIdInvalid: "Ilagay ang iyong voter ID ayon sa ibinigay ng iyong county",
      notFound:
        "Wala kaming nahanap na botante na may ganitong impormasyon. Tingnan kung tugma ito sa iyong voter registration: ang iyong pangalan, petsa ng kapanganakan at ZIP code ng iyong tirahan. Ilang araw bago lumabas dito ang mga bagong registration. Kung hindi pa rin gumana, tawagan ang tanggapan ng halalan ng iyong county.",
      ambiguous: "Higit sa isang botante ang may ganitong impormasyon. Ilagay din ang iyong voter ID.",
      rateLimited: "Masyadong maraming paghahanap. Maghintay ng {time} at subukang muli.",
      unavailable: "Hindi sumasagot ang ballot tracker ngayon. Subukang muli pagkalipas ng ilang minuto.",
      network: "Hindi namin maabot ang ballot tracker. Tingnan ang iyong koneksyon sa internet at subukang muli.",
    },
    result: {
      heading: "Ang iyong balota",
      olderBallot: "Isang mas lumang balota",
      election: "Halalan {id}",
      noBallot: "Nahanap namin ang iyong registration, pero hindi ka pa pinadalhan ng iyong county ng balota sa koreo.",
      asOf: "Impormasyon hanggang {time} ({relative}).",
      freshness:
        "Maaaring abutin ng isang araw bago lumabas dito ang balita mula sa Postal Service at sa iyong county.",
      expectedDelivery: "Inaasahan ng Postal Service na maihahatid ito sa {date}.",
      timeline: "Ang nangyari sa ngayon",
      next: "Susunod",
    },
    waiting: {
      county: "Hinihintay ang county",
      usps: "Hinihintay ang Postal Service",
      voter: "Hinihintay ka",
      done: "Wala ka nang kailangang gawin",
    },
    statuses: {
      issued: {
        label: "Inihanda ng iyong county",
        meaning: "Inihanda na ng iyong county ang iyong balota. Hindi pa ito naipapadala sa koreo.",
        next: "Ipapadala ito ng iyong county sa iyo.",
      },
      mailed: {
        label: "Naipadala sa iyo",
        meaning: "Ibinigay ng iyong county ang iyong balota sa Postal Service.",
        next: "Ihahatid ito ng Postal Service sa iyo.",
      },
      in_transit: {
        label: "Papunta sa iyo sa koreo",
        meaning: "Na-scan ng Postal Service ang iyong balota habang papunta sa iyo.",
        next: "Ihahatid ito ng Postal Service sa iyo.",
      },
      out_for_delivery: {
        label: "Ihahatid ngayon",
        meaning: "Hawak ng iyong kartero ang iyong balota at dapat itong maihatid ngayong araw.",
        next: "Darating ito sa iyong mailbox.",
      },
      delivered: {
        label: "Naihatid",
        meaning: "Ayon sa Postal Service, naihatid na ang iyong balota sa iyong address.",
        next: "Markahan ang iyong balota, pirmahan ang sobre, at ipadala ito pabalik o ihulog sa drop box.",
      },
      undeliverable: {
        label: "Hindi maihatid",
        meaning: "Hindi naihatid ng Postal Service ang iyong balota at ibinabalik ito sa iyong county.",
        next: "Tawagan ang tanggapan ng halalan ng iyong county para sa bagong balota o para bumoto nang personal.",
      },
      returned_by_voter: {
        label: "Papunta sa iyong county",
        meaning: "Na-scan ng Postal Service ang iyong nabotohang balota habang pabalik sa iyong county.",
        next: "Tatanggapin ito ng iyong county.",
      },
      received: {
        label: "Natanggap ng iyong county",
        meaning: "Nasa iyong county na ang iyong balota at sinusuri nila ang pirma sa sobre.",
        next: "Susuriin ng iyong county ang iyong pirma. Karaniwan itong inaabot ng ilang araw.",
      },
      accepted: {
        label: "Tinanggap",
        meaning: "Nasuri na ang iyong pirma. Bibilangin ang iyong balota.",
        next: "Bibilangin ito ng iyong county. Nagpapatuloy ang bilangan nang ilang araw pagkatapos ng araw ng halalan.",
      },
      counted: {
        label: "Nabilang",
        meaning: "Nabilang na ang iyong balota. Salamat sa pagboto.",
        next: "Wala na. Nabilang na ang iyong boto.",
      },
      rejected: {
        label: "Hindi nabilang",
        meaning: "Hindi mabilang ang iyong balota. Tingnan sa ibaba kung bakit, at kung ano ang magagawa mo.",
        next: "Tawagan ang tanggapan ng halalan ng iyong county.",
      },
      cure_pending: {
        label: "Kailangan ang iyong pirma",
        meaning: "Hindi bibilangin ang iyong balota hangga't hindi mo naaayos ang problema sa pirma sa sobre.",
        next: "Pirmahan at ibalik ang signature form bago ang deadline.",
      },
      cured: {
        label: "Naayos ang problema sa pirma",
        meaning: "Natanggap ng iyong county ang iyong signature form. Naayos na ang problema.",
        next: "Bibilangin ng iyong county ang iyong balota.",
      },
      superseded: {
        label: "Pinalitan",
        meaning: "Pinalitan ng mas bagong balota ang balotang ito. Ang mas bagong balota lang ang mabibilang.",
        next: "Gamitin ang iyong mas bagong balota.",
      },
    },
    rejection: {
      heading: "Bakit hindi pa nabibilang ang iyong balota",
      reasons: {
        signature_mismatch: "Hindi tugma ang pirma sa iyong sobre sa pirma sa iyong voter registration.",
        signature_missing: "Walang pirma ang sobre.",
        other: "May problema sa sobre ng iyong balota.",
      },
      cureHeading: "Paano ito aayusin",
      cureSteps: [
        "Buksan ang signature form ng iyong county (link sa ibaba).",
        "Punan ito at pirmahan.",
        "Ibalik ito bago ang deadline, sa koreo, email o nang personal, ayon sa sinasabi ng form.",
      ],
      cureLink: "Signature form ng iyong county",
      noCureLink: "Tawagan ang tanggapan ng halalan ng iyong county at hingin ang signature form.",
      deadline: "Deadline: {date}",
      noDeadline: "Itanong ang deadline sa tanggapan ng halalan ng iyong county.",
      other:
        "Tawagan ang tanggapan ng halalan ng iyong county para malaman kung ano ang nangyari at kung ano ang magagawa mo.",
    },
  },
  faq: {
    title: "Mga tanong at sagot",
    items: {
      matching: {
        question: "Paano ako hinahanap ng paghahanap?",
        answer: [
          "Inihahambing namin ang iyong pangalan, apelyido, petsa ng kapanganakan at ZIP code sa listahan ng mga botante na ipinapadala sa amin ng iyong county.",
          "Hindi mahalaga ang malalaki o maliliit na titik, accent, espasyo, gitling at apostrophe: tugma ang “José O'Brien” at “jose obrien”. Bukod doon, isulat ang iyong pangalan ayon sa iyong registration.",
          "Kung higit sa isang botante ang may parehong impormasyon, hihingin din namin ang iyong voter ID.",
        ],
      },
      zip: {
        question: "Bakit ninyo hinihingi ang aking ZIP code?",
        answer: [
          "Hindi laging sapat ang pangalan at petsa ng kapanganakan para makilala ang bawat botante. Ang ZIP code ng tirahan sa iyong registration ang tumutukoy sa iyo, nang hindi hinihingi ang iyong kumpletong address.",
          "Gamitin ang ZIP code ng address kung saan ka nakatira at nakarehistro, hindi ang mailing address o P.O. box.",
        ],
      },
      tracked: {
        question: "Ano ang sinusubaybayan ninyo?",
        answer: [
          "Ang sobre, hindi kailanman ang boto. Ipinapakita namin kung kailan inihanda ng iyong county ang iyong balota, kailan ito na-scan ng Postal Service papunta sa iyo at pabalik, at kailan ito natanggap ng iyong county, sinuri ang pirma at binilang.",
          "Walang makakakita rito kung paano ka bumoto. Nananatiling selyado ang iyong balota sa sobre hanggang ihiwalay ito sa iyong pangalan at bilangin.",
        ],
      },
      notFound: {
        question: "Bakit hindi ninyo ako mahanap?",
        answer: [
          "Ilang araw bago makarating sa amin ang mga bagong registration at pagbabago. Kung kamakailan ka lang nagparehistro o lumipat, subukang muli pagkalipas ng ilang araw.",
          "Tingnan kung tugma ang iyong impormasyon sa iyong registration. Kung hindi pa rin gumana, tawagan ang tanggapan ng halalan ng iyong county.",
        ],
      },
      freshness: {
        question: "Gaano kabago ang aking status?",
        answer: [
          "Ipinapakita ng bawat hakbang kung kailan ito nangyari, at sinasabi ng pahina kung kailan dumating ang huling balita (“hanggang”). Nagpapadala ng balita ang Postal Service at ang iyong county nang ilang beses sa isang araw.",
          "Minsan may na-miss na scan sa koreo, kaya maaaring may lumaktaw na hakbang. Ang “Hinihintay ang county” ay nangangahulugang nasa iyong county ang iyong balota at wala kang kailangang gawin.",
        ],
      },
      rejected: {
        question: "Paano kung hindi nabilang ang aking balota?",
        answer: [
          "Kung walang pirma o hindi ito tugma, maaayos mo ito sa pagpirma ng isang form bago ang deadline. Ipinapakita ng status ang dahilan, ang link sa form at ang deadline.",
        ],
      },
      privacy: {
        question: "Ano ang nangyayari sa impormasyong inilalagay ko?",
        answer: [
          "Ginagamit ito para hanapin ang iyong balota at hindi ito itinatago. May limitasyon ang mga paghahanap, kaya walang makagagamit sa pahinang ito para halughugin ang listahan ng mga botante.",
        ],
      },
    },
  },
  messages: {
    title: "Talaga bang galing sa amin ang mensaheng ito?",
    intro:
      "Kung mag-sign up ka, nagpapadala kami ng balita tungkol sa iyong balota sa email, text message o tawag sa telepono. Minsan ginagaya ng mga manloloko ang ganitong mga mensahe. Ganito malalaman kung totoo ang isang mensahe.",
    genuineHeading: "Isang totoong mensahe mula sa amin",
    genuine: [
      "Tungkol lang sa sobre ng iyong balota: naipadala, naihatid, natanggap, nabilang, o may problemang aayusin.",
      "Dumarating sa pangalan ng tanggapan ng halalan ng iyong county. Nagsisimula ang text message sa pangalan ng county at nagtatapos sa “STOP para ihinto”.",
      "May link lang sa site na ito o sa opisyal na website ng iyong county.",
      "Dumarating lang kung nag-sign up ka para sa mga alerto. Maaari ka ring kontakin mismo ng tanggapan ng halalan ng iyong county tungkol sa problema sa pirma: kung may duda, tawagan sila sa numerong nasa kanilang opisyal na website.",
    ],
    neverHeading: "Hindi kailanman humihingi ang aming mga mensahe ng",
    never: [
      "Iyong Social Security number, numero ng driver's license o petsa ng kapanganakan",
      "Impormasyon ng bangko o card, o anumang bayad",
      "Mga password o code na ipinadala sa iyong telepono",
      "Kung paano ka bumoto o kung sino ang iboboto mo",
    ],
    neverNote: "Hindi kami kailanman nagbabantang kanselahin ang iyong registration o ang iyong boto.",
    unsureHeading: "Hindi sigurado?",
    unsure: [
      "Huwag i-click ang mga link sa mensahe at huwag sumagot ng anumang personal na impormasyon.",
      "Ikaw mismo ang magbukas ng site na ito at hanapin dito ang iyong balota.",
      "O tawagan ang tanggapan ng halalan ng iyong county, sa numerong nasa opisyal na website nito o sa iyong sample ballot. Maaari mo ring ireport sa kanila ang mensahe.",
    ],
    stopNote: "Para ihinto ang mga text message, sumagot ng STOP. Sumagot ng HELP para sa tulong.",
  },
  alerts: {
    title: "Tumanggap ng mga abiso tungkol sa iyong balota",
    intro:
      "Maaari ka naming abisuhan sa email, text message o tawag kapag naipadala, naihatid, natanggap at nabilang ang iyong balota, o kung may problemang kailangang ayusin.",
    resultHeading: "Tumanggap ng mga abiso",
    resultText: "Malaman ang bawat hakbang ng balotang ito sa email, text o tawag, sa iyong wika.",
    resultLink: "Mag-sign up para sa mga abiso",
    noToken:
      "Para mag-sign up o baguhin ang iyong mga abiso, hanapin muna ang iyong balota. Para sa iyong privacy, gumagana lamang ang pahinang ito nang ilang minuto pagkatapos ng paghahanap, sa parehong tab ng browser.",
    lookupLink: "Hanapin ang iyong balota",
    current: "Ang iyong mga abiso ngayon",
    none: "Wala ka pang mga abiso.",
    channelsLegend: "Paano ka namin makakausap?",
    channelsHint: "Pumili ng isa o higit pa.",
    email: "Email",
    emailAddress: "Email address",
    emailHint: "Halimbawa name@example.com",
    sms: "Mga text message (SMS)",
    smsNumber: "Numero ng mobile phone",
    smsHint:
      "Isang numero sa US, halimbawa (916) 555-0123. Magte-text kami nang isang beses para sumagot ka ng YES. Sumagot ng STOP anumang oras.",
    voice: "Mga tawag sa telepono",
    voiceNumber: "Numero ng telepono",
    voiceHint: "Isang numero sa US, halimbawa (916) 555-0123",
    hoursLegend: "Kailan ka namin maaaring kontakin?",
    hoursHint:
      "Sa lokal na oras ng iyong county. Naghihintay ang mga mensahe sa labas ng mga oras na ito hanggang magsimula ang mga ito.",
    from: "Mula",
    until: "Hanggang",
    language: "Wika ng iyong mga abiso",
    save: "I-save ang aking mga abiso",
    unsubscribeAll: "Ihinto ang lahat ng abiso",
    noscript:
      "Kailangan ng pahinang ito ang JavaScript. Maaari ka ring i-sign up ng opisina ng halalan ng iyong county sa telepono.",
  },
  alertsUi: {
    loading: "Nilo-load ang iyong mga abiso…",
    saving: "Sine-save…",
    saved: "Naka-save na ang iyong mga abiso.",
    confirmEmail: "Buksan ang link na ipa-email namin para kumpirmahin ang iyong email address.",
    confirmSms: "Sumagot ng YES sa text na ipapadala namin para magsimula ang mga abiso sa text.",
    unsubscribed: "Hindi ka na makakatanggap ng mga abiso sa {channel}.",
    unsubscribedAll: "Hindi ka na makakatanggap ng mga abiso.",
    unsubscribe: "Ihinto ang mga abiso sa {channel}",
    keep: "Ngayon: {address}. Iwanang blangko para panatilihin ito.",
    hours: "Oras ng pakikipag-ugnayan: {from} hanggang {until}",
    channelNames: { email: "email", sms: "text message", voice: "tawag sa telepono" },
    consent: {
      pending: "Naghihintay ng iyong kumpirmasyon",
      confirmed: "Nakabukas",
      opted_out: "Nakahinto",
    },
    errors: {
      emailRequired: "Ilagay ang iyong email address",
      smsRequired: "Ilagay ang numero ng iyong mobile phone",
      voiceRequired: "Ilagay ang numero ng iyong telepono",
      emailInvalid: "Maglagay ng email address tulad ng name@example.com",
      smsInvalid: "Maglagay ng numero ng mobile sa US tulad ng (916) 555-0123",
      voiceInvalid: "Maglagay ng numero ng telepono sa US tulad ng (916) 555-0123",
      noChannel: "Pumili ng kahit isang paraan para makontak ka",
      hoursInvalid: "Pumili ng oras ng simula na mas maaga sa oras ng pagtatapos",
      expired: "Natapos na ang iyong session. Hanapin muli ang iyong balota para baguhin ang iyong mga abiso.",
      rateLimited: "Masyadong maraming pagbabago. Maghintay ng {time} at subukang muli.",
      unavailable: "Hindi sumasagot ang mga abiso ngayon. Subukang muli pagkalipas ng ilang minuto.",
      network: "Hindi namin maabot ang ballot tracker. Tingnan ang iyong koneksyon sa internet at subukang muli.",
    },
  },
  confirmed: {
    title: "Kumpirmasyon ng email",
    outcomes: {
      confirmed: "Salamat. Nakumpirma na ang iyong email address: mag-e-email kami tungkol sa iyong balota.",
      already_used: "Nagamit na ang link na ito. Nakumpirma na ang iyong email address.",
      expired:
        "Nag-expire na ang link na ito. Hanapin ang iyong balota at i-save muli ang iyong mga abiso para makakuha ng bago.",
      invalid:
        "Hindi gumagana ang link na ito. Kopyahin ang buong link mula sa aming email, o hanapin ang iyong balota para mag-sign up muli.",
      no_such_channel: "Tinanggal na ang mga abisong ito. Hanapin ang iyong balota para mag-sign up muli.",
    },
    unknown: "Hanapin ang iyong balota para makita at baguhin ang iyong mga abiso.",
    manageLink: "Pamahalaan ang iyong mga abiso",
  },
  unsubscribe: {
    title: "Ihinto ang mga abiso",
    intro: "Pindutin ang button para ihinto ang mga abiso tungkol sa iyong balota sa address na ito.",
    button: "Ihinto ang mga abiso",
    working: "Inihihinto…",
    noToken:
      "Para huminto, gamitin ang link sa dulo ng isa sa aming mga email, sumagot ng STOP sa isang text, o hanapin ang iyong balota at baguhin ang iyong mga abiso.",
    outcomes: {
      unsubscribed: "Nahinto na ang iyong mga abiso. Wala na kaming ipapadalang abiso sa address na ito.",
      expired: "Nag-expire na ang link na ito. Hanapin ang iyong balota para baguhin ang iyong mga abiso.",
      invalid: "Hindi gumagana ang link na ito. Hanapin ang iyong balota para baguhin ang iyong mga abiso.",
      no_such_channel: "Wala nang mga abiso sa address na ito.",
    },
    failed: "Hindi ka namin maihinto ngayon. Subukang muli pagkalipas ng ilang minuto.",
  },
};
