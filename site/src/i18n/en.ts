// The site's English strings; the shape every other language must match (see `Strings` in index.ts).
// `{name}` is a placeholder that the page or the lookup script fills in.
export const en = {
  reviewed: true,
  site: {
    name: "Where is my ballot?",
    skipLink: "Skip to main content",
    mainNav: "Pages",
    languageNav: "Language",
    footer: "We track the envelope, never your vote.",
    unreviewed: "",
  },
  nav: {
    lookup: "Track my ballot",
    faq: "Questions",
    messages: "Is this message from us?",
  },
  lookup: {
    title: "Track your mail ballot",
    intro: "Enter your details as they are on your voter registration. We only use them to find your ballot.",
    firstName: "First name",
    lastName: "Last name",
    dateOfBirth: "Date of birth",
    dateOfBirthHint: "MM-DD-YYYY, for example 07-04-1976",
    zip: "ZIP code",
    zipHint: "The 5-digit ZIP code of the home address on your registration",
    voterId: "Voter ID",
    voterIdHint: "Your county elections office can tell you your voter ID.",
    submit: "Find my ballot",
    noscript:
      "This lookup needs JavaScript. Your county elections office can also tell you your ballot's status by phone.",
    faqLink: "How does the lookup find me?",
  },
  ui: {
    searching: "Looking up your ballot…",
    errorSummary: "There is a problem",
    errors: {
      firstNameRequired: "Enter your first name",
      lastNameRequired: "Enter your last name",
      dateOfBirthRequired: "Enter your date of birth",
      zipRequired: "Enter your ZIP code",
      voterIdRequired: "Enter your voter ID",
      firstNameInvalid: "Enter your first name as it is on your voter registration",
      lastNameInvalid: "Enter your last name as it is on your voter registration",
      dateOfBirthInvalid: "Enter your date of birth as MM-DD-YYYY, for example 07-04-1976",
      dateOfBirthRange: "Enter a real date of birth between 01-01-1900 and today, as MM-DD-YYYY",
      zipInvalid: "Enter the 5-digit ZIP code of your home address, for example 95814",
      voterIdInvalid: "Enter your voter ID as your county gave it to you",
      notFound:
        "We could not find a voter with these details. Check that they match your voter registration: your name, your date of birth and the ZIP code of your home address. New registrations take a few days to appear here. If it still does not work, call your county elections office.",
      ambiguous: "More than one voter has these details. Enter your voter ID too.",
      rateLimited: "Too many lookups. Please wait {time} and try again.",
      unavailable: "The ballot tracker is not answering right now. Please try again in a few minutes.",
      network: "We could not reach the ballot tracker. Check your internet connection and try again.",
    },
    result: {
      heading: "Your ballot",
      olderBallot: "An older ballot",
      election: "Election {id}",
      noBallot: "We found your registration, but your county has not sent you a mail ballot yet.",
      asOf: "Information as of {time} ({relative}).",
      freshness: "Updates from the Postal Service and your county can take a day to show here.",
      expectedDelivery: "The Postal Service expects to deliver it on {date}.",
      timeline: "What has happened so far",
      next: "Next",
    },
    waiting: {
      county: "Waiting on the county",
      usps: "Waiting on the Postal Service",
      voter: "Waiting on you",
      done: "Nothing more to do",
    },
    statuses: {
      issued: {
        label: "Prepared by your county",
        meaning: "Your county has prepared your ballot. It is not in the mail yet.",
        next: "Your county mails it to you.",
      },
      mailed: {
        label: "Mailed to you",
        meaning: "Your county handed your ballot to the Postal Service.",
        next: "The Postal Service delivers it to you.",
      },
      in_transit: {
        label: "In the mail to you",
        meaning: "The Postal Service scanned your ballot on its way to you.",
        next: "The Postal Service delivers it to you.",
      },
      out_for_delivery: {
        label: "Out for delivery",
        meaning: "Your mail carrier has your ballot and should deliver it today.",
        next: "It arrives in your mailbox.",
      },
      delivered: {
        label: "Delivered",
        meaning: "The Postal Service says your ballot was delivered to your address.",
        next: "Mark your ballot, sign the envelope, and mail it back or take it to a drop box.",
      },
      undeliverable: {
        label: "Could not be delivered",
        meaning: "The Postal Service could not deliver your ballot and is sending it back to your county.",
        next: "Call your county elections office to get a new ballot or to vote in person.",
      },
      returned_by_voter: {
        label: "On its way to your county",
        meaning: "The Postal Service scanned your voted ballot on its way back to your county.",
        next: "Your county receives it.",
      },
      received: {
        label: "Received by your county",
        meaning: "Your county has your ballot and is checking the signature on the envelope.",
        next: "Your county checks your signature. This usually takes a few days.",
      },
      accepted: {
        label: "Accepted",
        meaning: "Your signature was checked. Your ballot will be counted.",
        next: "Your county counts it. Counting goes on for some days after election day.",
      },
      counted: {
        label: "Counted",
        meaning: "Your ballot has been counted. Thank you for voting.",
        next: "Nothing. Your vote is in.",
      },
      rejected: {
        label: "Not counted",
        meaning: "Your ballot could not be counted. See below why, and what you can do.",
        next: "Call your county elections office.",
      },
      cure_pending: {
        label: "Needs your signature",
        meaning: "Your ballot will not be counted until you fix a problem with the signature on the envelope.",
        next: "Sign and return the signature form before the deadline.",
      },
      cured: {
        label: "Signature problem fixed",
        meaning: "Your county has your signature form. The problem is fixed.",
        next: "Your county counts your ballot.",
      },
      superseded: {
        label: "Replaced",
        meaning: "This ballot was replaced by a newer one. Only the newer ballot can be counted.",
        next: "Use your newer ballot.",
      },
    },
    rejection: {
      heading: "Why your ballot is not counted yet",
      reasons: {
        signature_mismatch: "The signature on your envelope does not match the one on your voter registration.",
        signature_missing: "The envelope was not signed.",
        other: "There is a problem with your ballot envelope.",
      },
      cureHeading: "How to fix it",
      cureSteps: [
        "Open your county's signature form (link below).",
        "Fill it in and sign it.",
        "Return it before the deadline, by mail, email or in person, as the form says.",
      ],
      cureLink: "Your county's signature form",
      noCureLink: "Call your county elections office and ask for the signature form.",
      deadline: "Deadline: {date}",
      noDeadline: "Ask your county elections office for the deadline.",
      other: "Call your county elections office to find out what happened and what you can do.",
    },
  },
  faq: {
    title: "Questions and answers",
    items: {
      matching: {
        question: "How does the lookup find me?",
        answer: [
          "We compare your first name, last name, date of birth and ZIP code with the voter roll your county sends us.",
          "Capital letters, accents, spaces, hyphens and apostrophes do not matter: “José O'Brien” and “jose obrien” match. Otherwise, write your name as it is on your registration.",
          "If more than one voter has the same details, we also ask for your voter ID.",
        ],
      },
      zip: {
        question: "Why do you ask for my ZIP code?",
        answer: [
          "A name and a date of birth are not always enough to tell voters apart. The ZIP code of the home address on your registration narrows it down to you, without asking for your street address.",
          "Use the ZIP code of the address where you live and are registered, not a mailing address or P.O. box.",
        ],
      },
      tracked: {
        question: "What do you track?",
        answer: [
          "The envelope, never the vote. We show when your county prepared your ballot, when the Postal Service scanned it on its way to you and back, and when your county received it, checked the signature and counted it.",
          "Nobody can see how you voted here. Your ballot stays sealed in its envelope until it is separated from your name and counted.",
        ],
      },
      notFound: {
        question: "Why can't you find me?",
        answer: [
          "New registrations and changes take a few days to reach us. If you registered or moved recently, try again in a few days.",
          "Check that your details are as on your registration. If it still does not work, call your county elections office.",
        ],
      },
      freshness: {
        question: "How up to date is my status?",
        answer: [
          "Each step shows when it happened, and the page says when the latest update arrived (“as of”). The Postal Service and your county send updates several times a day.",
          "Sometimes a postal scan is missed, so a step can be skipped. “Waiting on the county” means your county has your ballot and nothing is needed from you.",
        ],
      },
      rejected: {
        question: "What if my ballot is not counted?",
        answer: [
          "If the signature is missing or does not match, you can fix it by signing a form before the deadline. The status shows the reason, a link to the form and the deadline.",
        ],
      },
      privacy: {
        question: "What happens to the details I type?",
        answer: [
          "They are used to find your ballot and are not kept. Lookups are limited, so nobody can use this page to search the voter roll.",
        ],
      },
    },
  },
  messages: {
    title: "Is this message really from us?",
    intro:
      "If you sign up, we send news about your ballot by email, text message or phone call. Scammers sometimes copy messages like these. Here is how to tell a real one.",
    genuineHeading: "A real message from us",
    genuine: [
      "Only tells you about your ballot's envelope: mailed, delivered, received, counted, or a problem to fix.",
      "Comes in the name of your county elections office. A text message starts with the county's name and ends with “STOP to end”.",
      "Links only to this site or your county's official website.",
      "Comes only if you signed up for alerts. Your county elections office may also contact you itself about a signature problem: if in doubt, call them on the number on their official website.",
    ],
    neverHeading: "Our messages never ask you for",
    never: [
      "Your Social Security number, driver's license number or date of birth",
      "Bank or card details, or any payment",
      "Passwords or codes sent to your phone",
      "How you voted or who you will vote for",
    ],
    neverNote: "We never threaten to cancel your registration or your vote.",
    unsureHeading: "Not sure?",
    unsure: [
      "Do not click the links in the message and do not reply with any personal details.",
      "Open this site yourself and look up your ballot here.",
      "Or call your county elections office, using the number on its official website or your sample ballot. You can also report the message to them.",
    ],
    stopNote: "To stop text messages, reply STOP. Reply HELP for help.",
  },
};
