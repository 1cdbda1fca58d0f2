import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const tl: LanguagePack = {
  locale: "fil-PH",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "Naipadala na ang iyong balota", body: "Naibigay na sa USPS ang iyong balota." },
    expected_delivery: {
      subject: "Darating na ang iyong balota",
      body: "Inaasahan ng USPS na maihahatid ang iyong balota sa {expectedDate}.",
    },
    delivered: { subject: "Naihatid na ang iyong balota", body: "Naihatid na ng USPS ang iyong balota." },
    undeliverable: {
      subject: "Hindi maihatid ang iyong balota",
      body: "Hindi maihatid ng USPS ang iyong balota. Tumawag sa {countyPhone} para sa bago.",
    },
    back_in_mail: {
      subject: "Pabalik na ang iyong balota",
      body: "Ang ibinalik mong balota ay papunta na sa county.",
    },
    received: { subject: "Natanggap ang iyong balota", body: "Natanggap ng county ang iyong balota." },
    not_counted_cure: {
      subject: "Kailangan ng aksyon: hindi pa nabilang ang iyong balota",
      body: "Hindi nabilang ang iyong balota: {reason}. Pirmahan at ibalik ang cure form bago ang {deadline}.",
    },
    not_counted_other: {
      subject: "Hindi nabilang ang iyong balota",
      body: "Hindi nabilang ang iyong balota: {reason}. Tumawag sa {countyPhone} para malaman ang gagawin.",
    },
    cured: { subject: "Naayos na ang problema ng balota", body: "Salamat. Naayos na ang problema sa iyong pirma." },
    counted: { subject: "Nabilang ang iyong balota", body: "Nabilang ang iyong balota. Salamat sa pagboto." },
    return_deadline_reminder: {
      subject: "Paalala: ibalik ang iyong balota",
      body: "Paalala: ibalik ang iyong balota bago ang {deadline}, sa koreo o sa drop box.",
    },
    cure_deadline_reminder: {
      subject: "Paalala: ayusin ang iyong balota",
      body: "Paalala: pirmahan at ibalik ang cure form bago ang {deadline} para mabilang ang iyong balota.",
    },
    lost_suspected: {
      subject: "Maaaring nawawala ang iyong balota",
      body: "Ilang araw nang hindi gumagalaw sa koreo ang iyong balota. Tumawag sa {countyPhone} kung hindi dumating.",
    },
    correction: {
      subject: "Pagtutuwid sa katayuan ng balota",
      body: "Pagtutuwid: mali ang huli naming mensahe. Ang katayuan ng iyong balota ngayon: {status}.",
    },
    retraction: {
      subject: "Huwag pansinin ang huli naming mensahe",
      body: "Nagkamali ang huli naming mensahe tungkol sa iyong balota. Pakihuwag itong pansinin.",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "Kumpirmahin ang mga text",
      body: "{smsName}: Sumagot ng YES para sa mga text tungkol sa iyong balota. STOP para ihinto, HELP para sa tulong.",
    },
    sms_confirmed: {
      subject: "Naka-on ang mga text",
      body: "{smsName}: Makakatanggap ka ng mga text tungkol sa iyong balota. STOP para ihinto.",
    },
    email_confirm: {
      subject: "Kumpirmahin ang mga update sa balota",
      body: "Pakikumpirma na gusto mo ng mga update sa balota mula sa {countyName} sa address na ito: {confirmUrl}",
    },
    contact_changed: {
      subject: "Binago ang iyong contact",
      body: "Ang mga update mula sa {countyName} ay mapupunta na sa bagong contact. Hindi ikaw? Tumawag sa {countyPhone}.",
    },
    stop_ack: {
      subject: "Itinigil ang mga text",
      body: "{smsName}: Wala ka nang matatanggap na text. START para ituloy.",
    },
    start_ack: { subject: "Itinuloy ang mga text", body: "{smsName}: Naka-on muli ang mga text. STOP para ihinto." },
    help: { subject: "Tulong", body: "{smsName}: Mga update sa balota. Tumawag sa {countyPhone}. STOP para ihinto." },
    status_reply: { subject: "Katayuan ng balota", body: "{smsName}: Ang iyong balota: {status}. {trackUrl}" },
    not_subscribed: {
      subject: "Hindi naka-subscribe",
      body: "{smsName}: Walang update ang numerong ito. Mag-sign up sa {trackUrl}",
    },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "Paalala: ibalik ang iyong balota bago ang {deadline}",
      body: "Paalala: ibalik ang iyong balota bago ang {deadline}. Ipadala ito sa koreo na may postmark, o ihulog sa drop box.",
      sms: "Paalala: ibalik ang balota bago ang {deadline}.",
    },
    polling_place_change: {
      subject: "Nagbago ang iyong lugar ng pagboto",
      body: "Nagbago ang iyong lugar ng personal na pagboto. Bumoto sa {placeName}, {placeAddress}.",
      sms: "Bagong lugar ng pagboto: {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "hindi tugma ang pirma",
    signature_missing: "walang pirma ang sobre",
    other: "may problema sa sobre",
  },
  statuses: {
    issued: "inisyu, hindi pa naipadala",
    mailed: "naipadala sa iyo",
    in_transit: "papunta sa iyo",
    out_for_delivery: "inihahatid na",
    delivered: "naihatid",
    undeliverable: "hindi maihatid",
    returned_by_voter: "pabalik sa county",
    received: "natanggap ng county",
    rejected: "hindi nabilang",
    cure_pending: "hinihintay ang iyong signature form",
    cured: "naayos ang problema sa pirma",
    accepted: "tinanggap",
    counted: "nabilang",
    superseded: "pinalitan ng bagong balota",
  },
  frame: {
    smsStop: "STOP para ihinto",
    emailGreeting: "Kumusta,",
    trackLine: "Subaybayan ang iyong balota: {trackUrl}",
    cureLine: "Cure form: {cureUrl}",
    helpLine: "May tanong? Tumawag sa {countyName} elections sa {countyPhone}.",
    unsubscribeLine: "Mag-unsubscribe: {unsubscribeUrl}",
    voiceIntro: "Ito ang {countyName} elections na may balita tungkol sa iyong balota.",
    voiceOutro: "Para sa tulong, tumawag sa {countyPhone}. Paalam.",
  },
};
