/// Synthetic English news articles for `spindle bench`: datelines, quotes in “curly” and "straight" marks,
/// titles and abbreviations (Mr., Dr., U.S., p.m.), numbers, money, dates, em dashes and some non-ASCII
/// names, so the tokenizer and splitter take the same paths they take on real news.
///
/// The text is made from templates and word lists, not copied from any corpus, so the benchmark needs no
/// data files and anyone can reproduce it. The same seed gives the same articles on every machine.
struct NewsTextGenerator {
    private var random: SplitMix64

    init(seed: UInt64 = 20_261_124) {
        random = SplitMix64(seed: seed)
    }

    /// Articles of about 3 to 5 KB each, until together they hold at least `bytes` bytes of UTF-8.
    mutating func articles(totalBytes bytes: Int) -> [String] {
        var articles: [String] = []
        var total = 0
        while total < bytes {
            let article = self.article(targetBytes: 3000 + random.below(2001))
            total += article.utf8.count
            articles.append(article)
        }
        return articles
    }

    mutating func article(targetBytes: Int) -> String {
        var text = ""
        text.reserveCapacity(targetBytes + 600)
        let agency = pick(Words.agencies)
        text += random.below(3) == 0 ? "\(pick(Words.datelines)) (\(agency)) — " : "\(pick(Words.datelines)) — "
        var firstParagraph = true
        while text.utf8.count < targetBytes {
            if !firstParagraph { text += "\n\n" }
            let sentences = 1 + random.below(4)
            for index in 0..<sentences {
                if index > 0 { text += " " }
                var sentence = ""
                fill(pick(Templates.sentences), into: &sentence)
                // Templates may open with a clause written for the middle of a sentence.
                if let first = sentence.first, first.isLowercase {
                    text += first.uppercased() + sentence.dropFirst()
                } else {
                    text += sentence
                }
            }
            firstParagraph = false
        }
        return text
    }

    private mutating func fill(_ template: String, into text: inout String) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let close = rest[open...].firstIndex(of: "}")!
            slot(rest[rest.index(after: open)..<close], into: &text)
            rest = rest[rest.index(after: close)...]
        }
        text += rest
    }

    private mutating func slot(_ name: Substring, into text: inout String) {
        switch name {
        case "person": text += "\(pick(Words.givenNames)) \(pick(Words.surnames))"
        case "titled": text += "\(pick(Words.titles)) \(pick(Words.surnames))"
        case "surname": text += pick(Words.surnames)
        case "role": text += pick(Words.roles)
        case "org": text += pick(Words.organizations)
        case "place": text += pick(Words.places)
        case "topic": text += pick(Words.topics)
        case "verb": text += pick(Words.verbs)
        case "said": text += pick(Words.saidVerbs)
        case "day": text += pick(Words.weekdays)
        case "company": text += pick(Words.companies)
        case "month": text += pick(Words.months)
        case "price": text += "$\(1 + random.below(300)).\(10 + random.below(90))"
        case "votes": text += "\(30 + random.below(40))"
        case "date": text += "\(pick(Words.months)) \(1 + random.below(28))"
        case "year": text += "\(1990 + random.below(37))"
        case "time":
            text += "\(1 + random.below(12))\(random.below(3) == 0 ? ":\(10 + random.below(50))" : "") "
            text += random.below(2) == 0 ? "a.m." : "p.m."
        case "count": text += grouped(2 + random.below(90_000))
        case "small": text += pick(Words.smallNumbers)
        case "percent": text += "\(random.below(40)).\(random.below(10)) percent"
        case "money":
            text += "$\(1 + random.below(900)).\(random.below(10)) \(pick(["million", "billion", "trillion"]))"
        case "quote": quote(into: &text)
        case "clause": fill(pick(Templates.clauses), into: &text)
        default: preconditionFailure("unknown template slot {\(name)}")
        }
    }

    /// A whole sentence quoting someone in curly or straight marks, attributed before or after; news uses both.
    private mutating func quote(into text: inout String) {
        let (open, close) = random.below(3) == 0 ? ("\"", "\"") : ("“", "”")
        var words = ""
        fill(pick(Templates.quotations), into: &words)
        switch random.below(4) {
        case 0: text += "\(open)\(words),\(close) \(pick(Words.titles)) \(pick(Words.surnames)) \(pick(Words.saidVerbs))."
        case 1: text += "\(open)\(words),\(close) said \(pick(Words.givenNames)) \(pick(Words.surnames)), \(pick(Words.roles)) at \(pick(Words.organizations))."
        case 2: text += "\(pick(Words.givenNames)) \(pick(Words.surnames)) \(pick(Words.saidVerbs)): \(open)\(words).\(close)"
        default: text += "\(open)\(words),\(close) \(pick(Words.saidVerbs)) \(pick(Words.titles)) \(pick(Words.surnames)) on \(pick(Words.weekdays))."
        }
    }

    private func grouped(_ number: Int) -> String {
        guard number >= 1000 else { return "\(number)" }
        let rest = String(number % 1000)
        return "\(number / 1000),\(String(repeating: "0", count: 3 - rest.count))\(rest)"
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and the same sequence on every platform, which
/// the standard library's generator does not promise.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; the modulo bias is far below anything a benchmark text could show.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

private enum Templates {
    static let sentences = [
        "{titled} {said} on {day} that {org} would {verb} its plans for {topic} before {date}.",
        "{quote}",
        "{quote}",
        "{quote} Meanwhile, {clause}.",
        "{company} reported a {percent} rise in {topic} spending in the third quarter, to {money}.",
        "Officials in {place} said at least {count} people had been affected by {day}'s decision.",
        "{person}, {role} at {org}, has not commented publicly since {date}.",
        "In a statement released at {time}, {org} said it didn't expect to {verb} the agreement until {year}.",
        "The U.S. Department of Commerce estimated the cost at {money} — roughly {percent} of the budget.",
        "Mr. {surname} and Mrs. {surname} arrived in {place} on {day}, {date}, {year}.",
        "{clause}, according to figures from {org}.",
        "Critics, including {titled}, argue the plan is \"too little, too late.\"",
        "At a café near the {place} station, {small} residents gathered to hear {titled} speak.",
        "The talks — the longest in {small} years — ended at {time} without a deal.",
        "Shares of {company} fell {percent} to {price} in early trading, their lowest since {year}.",
        "It's the first time since {year} that {org} has had to {verb} a contract of this size.",
        "{titled} of {place} told reporters the U.K. and the E.U. were \"not far apart\" on {topic}.",
        "Dr. {surname}'s team at {org} has studied {topic} in {place} for {small} years.",
        "{company} Inc. and {company} Corp. agreed to {verb} the merger, which is valued at about {money}.",
        "According to the report, {votes} percent of the {count} respondents in {place} named {topic} their top concern.",
        "Neither side would say whether the deal, signed on {date}, could be reopened.",
        "{clause}; {clause}.",
        "Why, {titled} asked, had no one in {place} been told?",
        "The vote is scheduled for {day} at {time} (local time) in {place}.",
        "Prof. {surname}, who teaches at the University of {place}, called the findings \"a naïve reading\" of the data.",
        "Some {count} workers — many of them from {place} or {place} — have joined the strike.",
        "\"We're not there yet,\" {titled} said. \"But we're close.\"",
        "“Nobody wants this,” {titled} said. “Not {org}, not {place}, not anyone.”",
        "The bill passed {votes} to {votes}, with {titled} and Sen. {surname} voting against it.",
        "Lt. Gov. {person} said the state would {verb} its rules on {topic} by {date}.",
        "A spokeswoman for {org}, {person}, confirmed the figure: {money}.",
        "{person} (formerly of {org}) will lead the review, which is due on {date}.",
        "Prices in {place} rose {percent} in {month}, compared with {percent} a year earlier, e.g. for food and fuel.",
        "The company's résumé screening tool, used since {year}, is now under review by {org}.",
        "At {time} on {day}, crews in {place} were still working to restore power to {count} homes.",
        "Asked whether {org} would {verb} the deal, {titled} said only: “We'll see.”",
        "The report, published on {date}, runs to {votes} pages and cites data from {place}, {place} and {place}.",
        "Rescue teams reached the village of San José de Apartadó late on {day}.",
        "{person}, 54, a teacher in {place}, said she had waited {small} hours in line — and then been turned away.",
        "Analysts at {org} now expect growth of {percent} this year, down from {percent} in {month}.",
        "The agency's budget — {money} in {year} — has not kept pace with demand, {titled} said.",
        "Police said a 23-year-old man was arrested at about {time} and charged with assault.",
        "Is this the end of {topic} as we know it? Not quite, says {person} of {org}.",
        "The U.N. Security Council is expected to vote on the resolution before {date}.",
        "Temperatures in {place} reached 41.5°C on {day}, the highest since records began in {year}.",
        "The e-mail, sent to staff at 9:45 a.m., said the office would close \"until further notice.\"",
        "Visit www.example.org/report or write to press@example.org for the full text.",
    ]

    static let clauses = [
        "{org} has said it will {verb} its review of {topic}",
        "the ministry in {place} declined to comment",
        "{titled} has been under pressure since {date}",
        "turnout in {place} was about {percent}",
        "{count} people signed the petition within {small} days",
        "the measure would cost {money} over {small} years",
        "talks with {org} broke down last {day}",
        "the U.S. has not responded",
        "officials in São Paulo, Zürich and Kraków are watching closely",
    ]

    static let quotations = [
        "We will not {verb} our commitment to {topic}",
        "This is about {topic}, and it always has been",
        "I don't think anyone in {place} expected this",
        "Our priority is the people of {place}",
        "It's too early to say what {org} will do",
        "We've done everything we can",
        "The numbers speak for themselves — {percent} is not a rounding error",
        "Nobody at {org} was consulted",
        "There's no question we'll {verb} it by {date}",
        "I can't comment on that",
        "That is simply not true",
        "We're asking for patience, not for {money}",
    ]
}

private enum Words {
    static let agencies = ["Spindle Wire", "AP", "Reuters", "AFP", "dpa"]
    static let datelines = [
        "WASHINGTON", "LONDON", "NEW YORK", "BRUSSELS", "BERLIN", "PARIS", "TOKYO", "NAIROBI", "SÃO PAULO",
        "MEXICO CITY", "SYDNEY", "TORONTO", "GENEVA", "BOGOTÁ", "MUMBAI", "CHICAGO", "KYIV", "MADRID",
    ]
    static let givenNames = [
        "Maria", "James", "Aisha", "Wei", "Olga", "Carlos", "Priya", "John", "Fatima", "Lars", "Hannah", "José",
        "Mei", "Daniel", "Sofia", "Ahmed", "Emma", "Kenji", "Chloé", "Tomasz", "Grace", "Samuel", "Ingrid",
        "Rahul", "Lucía", "Peter", "Nadia", "Oliver", "Zoë", "Mohammed", "Elena", "Kwame", "Anna", "Robert",
    ]
    static let surnames = [
        "Smith", "García", "Nguyen", "Müller", "Okafor", "Johansson", "Patel", "O'Brien", "Kowalski", "Tanaka",
        "Rossi", "Haddad", "Fischer", "Silva", "Brown", "Ivanova", "Chen", "Dubois", "Mbeki", "Andersen",
        "Jones", "Novak", "Santos", "Khan", "Williams", "Lefèvre", "Park", "Schmidt", "Moreno", "Cohen",
        "McAllister", "Van der Berg", "Yilmaz", "Lindqvist", "Ortiz", "Clarke",
    ]
    static let titles = ["Mr.", "Ms.", "Mrs.", "Dr.", "Sen.", "Gov.", "Rep.", "Gen.", "Prof.", "President", "Minister"]
    static let roles = [
        "a spokesman", "a spokeswoman", "the chief executive", "a senior analyst", "the finance minister",
        "a policy adviser", "the mayor", "a professor of economics", "the head of research", "a lawyer",
    ]
    static let organizations = [
        "the World Bank", "the European Commission", "Acme Holdings", "the Federal Reserve", "Northwind Energy",
        "the United Nations", "Globex", "the International Monetary Fund", "Blue Harbor Capital", "the Red Cross",
        "the Ministry of Health", "Helios Motors", "the Supreme Court", "Meridian Pharma", "the city council",
        "Nordlicht AG", "the Senate Finance Committee", "Pacific Rail", "the central bank", "Union Électrique",
    ]
    static let places = [
        "Washington", "Ohio", "Texas", "London", "Manchester", "Berlin", "Munich", "Paris", "Lyon", "Madrid",
        "Lagos", "Nairobi", "Cairo", "Mumbai", "Delhi", "Beijing", "Tokyo", "Seoul", "Sydney", "Toronto",
        "Montréal", "Bogotá", "São Paulo", "Zürich", "Kraków", "Istanbul", "Helsinki", "Dublin", "Chicago",
        "Los Angeles", "New Orleans", "St. Louis", "Ft. Worth", "the Gulf Coast",
    ]
    static let topics = [
        "climate policy", "interest rates", "housing", "public health", "energy prices", "trade", "immigration",
        "artificial intelligence", "defense spending", "education", "water rights", "pension reform",
        "rail safety", "vaccine supply", "tax credits", "broadband access", "food prices", "data privacy",
    ]
    static let verbs = ["review", "delay", "expand", "renegotiate", "approve", "reconsider", "extend", "finalize", "revise"]
    static let saidVerbs = ["said", "told reporters", "said in an interview", "wrote", "added", "argued", "warned"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
    ]
    static let smallNumbers = ["two", "three", "four", "five", "six", "10", "12", "15", "20"]
    static let companies = ["Acme", "Globex", "Helios", "Meridian", "Northwind", "Blue Harbor", "Pacific Rail", "Nordlicht"]
}
