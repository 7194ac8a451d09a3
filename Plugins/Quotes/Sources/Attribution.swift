import SpindleCore

/// Finds each quote's speech cue and speaker with the patterns news writing uses, then names the speaker.
///
/// The order of the rules is the order a reader tries them in:
/// 1. after the quote, in its sentence: `“…,” Putin said.`, `“…,” said Putin.`, `“…,” the Kremlin added.`,
///    `“…,” he was reported as saying.`, `“…,” according to the ministry.`;
/// 2. before it, in its sentence: `Putin said: “…”`, `Putin said the plan was “dead”.`,
///    `According to Putin, “…”`, or a sentence ending in a colon just before a quote paragraph;
/// 3. a quote in the same sentence as an attributed one shares its speaker and cue (`“A,” she said, “B.”`
///    finds its own cue; `called it “A” and “B”` shares one);
/// 4. a quote that opens a sentence right after an attributed quote, with nothing but that quote's own
///    attribution between them, continues the same speech (the continuation paragraph).
/// A quote none of these attributes is kept with no speaker, unless it is a short phrase or a title,
/// which is a scare quote or a name rather than speech.
struct Attribution {
    let text: QuoteText
    let scalars: [Unicode.Scalar]
    let mentions: Mentions
    let verbs: SpeechVerbs

    struct Found {
        enum Who {
            case mention(Int)
            case pronoun(Int)
            /// A description such as "the Russian president" or "a ministry spokeswoman"; `head` is its last word.
            case description(Range<Int>, head: Int)
            /// Capitalized words the entity layer did not tag.
            case name(Range<Int>)
        }

        var who: Who
        /// All the tokens of the noun phrase, titles and determiners included.
        var extent: Range<Int>
    }

    struct Result {
        var cue: Range<Int>?
        var who: Found?
    }

    // MARK: Quotes

    func attribute(_ quotes: [Span]) -> [Quote] {
        var results: [Result?] = []
        var output: [Quote] = []
        for (number, quote) in quotes.enumerated() {
            let tokens = text.quoteTokens[number]
            guard !tokens.isEmpty else {
                results.append(nil)
                output.append(Quote(quote, kind: .quote))
                continue
            }
            var result = after(tokens) ?? before(tokens, previous: number > 0 ? text.quoteTokens[number - 1] : nil)
            var inherited = false
            if result == nil, number > 0, let previous = results[number - 1], previous.who != nil,
               continues(tokens, from: text.quoteTokens[number - 1], cue: previous.cue) {
                let sameSentence = text.sentenceOf[tokens.lowerBound] == text.sentenceOf[text.quoteTokens[number - 1].upperBound - 1]
                result = Result(cue: sameSentence ? previous.cue : nil, who: previous.who)
                inherited = true
            }
            let kind = self.kind(of: quote, tokens: tokens, result: result, inherited: inherited)
            results.append(kind == .term ? nil : result)
            guard kind == .quote else {
                output.append(Quote(quote, kind: kind)) // a term is nobody's speech
                continue
            }
            let named = result?.who.flatMap { speaker($0, at: tokens.lowerBound) }
            output.append(Quote(quote, speaker: named, cue: result?.cue.map { text.span($0) }, kind: kind))
        }
        return output
    }

    /// "term" for a quoted phrase that is not speech: a short phrase nobody is said to have said, or a
    /// title in capitals ("Space Day", a book's name) whatever verb is near.
    private func kind(of quote: Span, tokens: Range<Int>, result: Result?, inherited: Bool) -> Quote.Kind {
        let inside = tokens.filter { text.isWord($0) }
        let endsAsSpeech = scalars[max(quote.start, quote.end - 3)..<quote.end].contains { ".!?,".unicodeScalars.contains($0) }
        let before = tokens.lowerBound - 1
        let embedded = before >= 0 && (text.isWord(before) || ["'s", "’s"].contains(text.lower[before]))
        let title = inside.count <= 8 && (!endsAsSpeech || embedded) && inside.allSatisfy { text.isCapitalized($0) || Self.minorWords.contains(text.lower[$0]) }
        if title && !(result?.cue.map { opensRightAfter(tokens, cue: $0) } ?? false) { return .term }
        if let cue = result?.cue, inside.count <= 4, cue.contains(where: { verbs.isNaming(text.lower[$0]) }) { return .term }
        if result?.cue != nil || inherited { return .quote }
        // A few words in the middle of a sentence are a term even with a comma or full stop inside the
        // marks, where American style puts them: `put the crowd closer to “20-ish.”`.
        return inside.count <= 4 && (embedded || !endsAsSpeech) ? .term : .quote
    }

    private static let minorWords: Set<String> = ["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "'s", "’s"]

    /// `Putin said: “…”` or `said, “…”`: the quote is the cue's object, whatever it looks like.
    private func opensRightAfter(_ quote: Range<Int>, cue: Range<Int>) -> Bool {
        cue.upperBound <= quote.lowerBound && quote.lowerBound - cue.upperBound <= 2
            && (cue.upperBound..<quote.lowerBound).allSatisfy { [":", ",", "that"].contains(text.lower[$0]) }
    }

    // MARK: Rule 1: after the quote

    private func after(_ quote: Range<Int>) -> Result? {
        var low = quote.upperBound
        while low < text.count, Self.dashes.contains(text.lower[low]) || text.lower[low] == "," { low += 1 }
        guard low < text.count, text.quoteOf[low] == nil, text.paragraphOf[low] == text.paragraphOf[quote.upperBound - 1] else { return nil }
        // `“… in May.” Later she left`: a full stop inside the quote ends the sentence when a capital follows
        // (a question or an exclamation may still be followed by its speaker: `“Why?” Hale asked`).
        if quote.count >= 2, [".", "…"].contains(text.lower[quote.upperBound - 2]), low == quote.upperBound, text.isCapitalized(low) { return nil }
        var high = low
        while high < text.count, high - low < 16, text.quoteOf[high] == nil,
              text.paragraphOf[high] == text.paragraphOf[low], !QuoteText.sentenceEnds.contains(text.lower[high]) {
            high += 1
        }
        // `said Putin`, `added the ministry`, `according to the ministry`
        if let cue = cue(at: low, within: low..<high) {
            return Result(cue: cue, who: object(after: cue.upperBound, before: high))
        }
        // `Putin said`, `the Kremlin added`, `he was quoted as saying`
        var index = low + 1
        while index < high {
            if let cue = cue(at: index, within: low..<high) {
                if let subject = subject(before: cue.lowerBound, from: low), subject.extent.lowerBound <= low {
                    return Result(cue: cue, who: subject)
                }
                index = cue.upperBound
            } else {
                index += 1
            }
        }
        return nil
    }

    // MARK: Rule 2: before the quote

    private func before(_ quote: Range<Int>, previous: Range<Int>?) -> Result? {
        var high = quote.lowerBound
        var low = text.sentences[text.sentenceOf[quote.lowerBound]].lowerBound
        if high == low || high > 0 && text.lower[high - 1] == ":" && high - 1 < low {
            // A quote paragraph introduced by `Putin said:` at the end of the sentence before.
            guard high > 0, text.lower[high - 1] == ":" else { return nil }
            high -= 1
            low = text.sentences[text.sentenceOf[high]].lowerBound
        }
        if let previous, previous.upperBound > low { low = previous.upperBound }
        guard low < high else { return nil }
        var index = high - 1
        while index >= low {
            guard text.quoteOf[index] == nil, let cue = cue(at: index, within: low..<high) else { index -= 1; continue }
            if text.lower[cue.lowerBound] == "according" {
                return Result(cue: cue, who: object(after: cue.upperBound, before: high))
            }
            // `Kessler attacked her rival, telling supporters …`: a participle after a comma belongs to
            // the clause's subject, not to the phrase just before it.
            let participle = text.lower[cue.lowerBound].hasSuffix("ing") && cue.lowerBound > low && text.lower[cue.lowerBound - 1] == ","
            let who = (participle ? firstSpeaker(in: low..<cue.lowerBound) : nil)
                ?? subject(before: cue.lowerBound, from: low)
                ?? object(after: cue.upperBound, before: high).flatMap { found -> Found? in
                    // `said Putin: “…”`; not `said the plan was “…”`, nor `told journalists: “…”`
                    guard !Self.addressing.contains(text.lower[cue.lowerBound]), found.extent.upperBound < high,
                          [":", ","].contains(text.lower[found.extent.upperBound]) else { return nil }
                    return found
                }
                ?? firstSpeaker(in: low..<cue.lowerBound)
            return Result(cue: cue, who: who)
        }
        return nil
    }

    // MARK: Rules 3 and 4: continuations

    /// Whether `quote` goes on the speech of `previous`: in the same sentence, or opening a sentence with
    /// only the previous quote's attribution in between, in the same or the next paragraph.
    private func continues(_ quote: Range<Int>, from previous: Range<Int>, cue: Range<Int>?) -> Bool {
        let sentence = text.sentenceOf[previous.upperBound - 1]
        if text.sentenceOf[quote.lowerBound] == sentence { return true }
        guard text.paragraphOf[quote.lowerBound] - text.paragraphOf[previous.upperBound - 1] <= 1 else { return false }
        let opensSentence = quote.lowerBound == text.sentences[text.sentenceOf[quote.lowerBound]].lowerBound
            || text.paragraphOf[quote.lowerBound - 1] != text.paragraphOf[quote.lowerBound]
        guard opensSentence else { return false }
        let cueSentence = cue.map { text.sentenceOf[$0.lowerBound] } ?? sentence
        return (previous.upperBound..<quote.lowerBound).allSatisfy {
            text.sentenceOf[$0] == sentence || text.sentenceOf[$0] == cueSentence || text.quoteOf[$0] != nil
        }
    }

    // MARK: Cues

    private static let dashes: Set<String> = ["—", "–", "-", "--"]
    private static let indefinites: Set<String> = ["a", "an", "one", "another"]
    /// Cues whose object is who is spoken to.
    private static let addressing: Set<String> = ["told", "tells", "tell", "telling", "asked", "asks", "ask", "asking", "urged", "warned", "assured"]
    private static let determiners: Set<String> = ["the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that", "our", "my", "your", "whose"]
    private static let passives: Set<String> = ["reported", "quoted", "cited", "heard", "recorded", "understood"]
    private static let auxiliaries: Set<String> = ["was", "were", "is", "are", "been", "be", "has", "have", "had", "being"]

    /// The cue at `index`: a speech verb (`said`), `according to`, or `was reported as saying`.
    private func cue(at index: Int, within range: Range<Int>) -> Range<Int>? {
        let lower = text.lower
        func at(_ offset: Int) -> String? { range.contains(index + offset) ? lower[index + offset] : nil }
        if lower[index] == "according", at(1) == "to" { return index..<(index + 2) }
        guard text.isWord(index), !text.isCapitalized(index) || index == range.lowerBound && verbs.contains(lower[index]) else { return nil }
        if let previous = at(-1), Self.determiners.contains(previous) { return nil }
        // `was reported as saying`, `is quoted as telling`
        var phrase: Range<Int>?
        if at(1) == "as", let next = at(2), verbs.contains(next), Self.passives.contains(lower[index]) || verbs.contains(lower[index]) {
            phrase = index..<(index + 3)
        } else if verbs.contains(lower[index]), at(-1) == "as", let verb = at(-2), Self.passives.contains(verb) || verbs.contains(verb) {
            phrase = (index - 2)..<(index + 1)
        }
        if var phrase {
            while phrase.lowerBound > range.lowerBound, Self.auxiliaries.contains(lower[phrase.lowerBound - 1]) {
                phrase = (phrase.lowerBound - 1)..<phrase.upperBound
            }
            return phrase
        }
        guard verbs.contains(lower[index]) else { return nil }
        // `Belarus had been unfairly labeled “…”`, `he was told`: in the passive the subject is not the speaker.
        var before = index - 1
        while before >= range.lowerBound, isSkippable(before), !Self.passiveAuxiliaries.contains(lower[before]) { before -= 1 }
        if before >= range.lowerBound, Self.passiveAuxiliaries.contains(lower[before]) { return nil }
        return index..<(index + 1)
    }

    private static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "be", "been", "being", "get", "got", "gets"]

    // MARK: Noun phrases

    private static let skippable: Set<String> = [
        "also", "later", "then", "earlier", "reportedly", "previously", "again", "once", "further", "repeatedly",
        "recently", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "should", "may",
        "might", "did", "does", "do", "been", "be", "not", "never", "always", "first", "separately", "however",
        "too", "still", "now", "today", "yesterday", "often", "finally", "being", "having",
    ]
    private static let notAdverbs: Set<String> = ["family", "ally", "rally", "assembly", "supply", "monopoly", "reply", "july", "italy"]

    private func isSkippable(_ index: Int) -> Bool {
        let word = text.lower[index]
        return Self.skippable.contains(word) || word.count > 4 && word.hasSuffix("ly") && !Self.notAdverbs.contains(word)
    }

    /// The subject of a cue: the noun phrase right before it, over adverbs, auxiliaries and an
    /// appositive (`Verrier, the defence minister, said`).
    private func subject(before cue: Int, from low: Int) -> Found? {
        var index = cue - 1
        while index >= low, isSkippable(index) { index -= 1 }
        if index > low, text.lower[index] == "," {
            // `Verrier, the defence minister, said` and `The Swiss mediator, Claire Dufresne-Albrecht,
            // said`: of the phrase before the commas and the one between them, the name speaks.
            var comma = index - 1
            while comma > low, text.lower[comma] != ",", index - comma < 20 { comma -= 1 }
            if comma >= low, text.lower[comma] == "," {
                if let inner = phrase(endingAt: index - 1, from: comma + 1), case .mention = inner.who { return inner }
                index = comma - 1
            }
        }
        guard index >= low else { return nil }
        return phrase(endingAt: index, from: low)
    }

    private func phrase(endingAt index: Int, from low: Int) -> Found? {
        let lower = text.lower[index]
        if Pronouns.personal.contains(lower) || Pronouns.group.contains(lower) {
            return Found(who: .pronoun(index), extent: index..<(index + 1))
        }
        if let number = mentions.ending(at: index), mentions.all[number].canSpeak {
            return Found(who: .mention(number), extent: extendLeft(mentions.all[number].tokens, to: low))
        }
        guard text.isWord(index), !Self.determiners.contains(lower), !Self.functionWords.contains(lower) else { return nil }
        // The noun phrase back to its determiner, at most five words: `the Belarusian leader`,
        // `a Kremlin spokesman`, `club captain Tomás Brennan`.
        var start = index
        while start > low, index - start < 5, isModifier(start - 1) { start -= 1 }
        if start > low, Self.determiners.contains(text.lower[start - 1]) { start -= 1 }
        return nounPhrase(start..<(index + 1), head: index)
    }


    /// A word that can sit inside a noun phrase before its head.
    private func isModifier(_ index: Int) -> Bool {
        (text.isWord(index) && !text.isShouted(index) || text.lower[index] == "-") && !Self.functionWords.contains(text.lower[index])
            && !Self.determiners.contains(text.lower[index]) && !isSkippable(index) && !verbs.contains(text.lower[index])
    }

    /// Who a noun phrase with no tagged name at its edge names: a person tagged inside it, a role
    /// (`the judge`) or institution (`the company`) resolved later, capitalized words the entity layer
    /// missed, an organization an unnamed person speaks for (`a Kremlin spokesman`), or nobody (`officials`).
    private func nounPhrase(_ tokens: Range<Int>, head: Int) -> Found {
        let inside = tokens.compactMap { mentions.starting(at: $0) }.filter { mentions.all[$0].tokens.upperBound <= tokens.upperBound }
        if let person = inside.last(where: { mentions.all[$0].kind == .person }) {
            return Found(who: .mention(person), extent: tokens)
        }
        let indefinite = Self.indefinites.contains(text.lower[tokens.lowerBound])
        if !indefinite, Titles.roles.contains(text.lower[head]) || Titles.institutions.contains(text.lower[head]) {
            return Found(who: .description(tokens, head: head), extent: tokens)
        }
        if text.isCapitalized(head) {
            var nameStart = head
            while nameStart > tokens.lowerBound, text.isCapitalized(nameStart - 1), !Titles.isTitle(nameStart - 1, of: text) { nameStart -= 1 }
            return Found(who: .name(nameStart..<(head + 1)), extent: tokens)
        }
        if let organization = inside.last(where: { mentions.all[$0].kind == .organization }) {
            return Found(who: .mention(organization), extent: tokens)
        }
        return Found(who: .description(tokens, head: head), extent: tokens)
    }

    /// A mention with the titles, modifiers and determiner in front of it: `the Kremlin`, `President
    /// Vladimir Putin`, `union negotiator Petra Lindqvist`.
    private func extendLeft(_ tokens: Range<Int>, to low: Int) -> Range<Int> {
        var start = tokens.lowerBound
        while start > low, tokens.lowerBound - start < 4, Titles.isTitle(start - 1, of: text) || isModifier(start - 1) { start -= 1 }
        if start > low, Self.determiners.contains(text.lower[start - 1]) { start -= 1 }
        return start..<tokens.upperBound
    }

    /// Who follows an inverted cue: `said Putin`, `said President Vladimir Putin`, `said Tidewater
    /// spokesman Oskar Brenning`, `said a spokesman for the ministry`, `according to the Kremlin`.
    private func object(after start: Int, before high: Int) -> Found? {
        guard start < high else { return nil }
        if Pronouns.personal.contains(text.lower[start]) || Pronouns.group.contains(text.lower[start]) {
            return Found(who: .pronoun(start), extent: start..<(start + 1))
        }
        var end = start
        if Self.determiners.contains(text.lower[end]) { end += 1 }
        while end < high, end - start < 7, isModifier(end) || mentions.starting(at: end) != nil {
            if let number = mentions.starting(at: end) { end = max(end + 1, mentions.all[number].tokens.upperBound) } else { end += 1 }
        }
        guard end > start, !Self.determiners.contains(text.lower[end - 1]) else { return nil }
        let phrase = start..<min(end, high)
        // `a spokesman for the Interior Ministry`: the organization is who can be named.
        if !phrase.contains(where: { text.isCapitalized($0) }), end + 1 < high, ["for", "of", "at", "from"].contains(text.lower[end]) {
            var probe = end + 1
            if Self.determiners.contains(text.lower[probe]) { probe += 1 }
            while probe < high, probe - end < 4, mentions.starting(at: probe) == nil, text.isCapitalized(probe) { probe += 1 }
            if probe < high, let number = mentions.starting(at: probe), mentions.all[number].kind == .organization {
                return Found(who: .mention(number), extent: start..<mentions.all[number].tokens.upperBound)
            }
        }
        if let number = mentions.starting(at: phrase.lowerBound) ?? (phrase.count > 1 ? mentions.starting(at: phrase.lowerBound + 1) : nil),
           mentions.all[number].tokens.upperBound == phrase.upperBound, mentions.all[number].canSpeak {
            return Found(who: .mention(number), extent: phrase)
        }
        let found = nounPhrase(phrase, head: phrase.upperBound - 1)
        if case .name(let name) = found.who {
            // Titles before an untagged name are not part of it.
            var first = name.lowerBound
            while first < name.upperBound - 1, Titles.isTitle(first, of: text) { first += 1 }
            return Found(who: .name(first..<name.upperBound), extent: phrase)
        }
        return found
    }

    /// The first person, organization or personal pronoun of a clause: its likely subject when the
    /// cue is far from it (`Lukashenko stressed … and said the situation was “escalating”`).
    private func firstSpeaker(in range: Range<Int>) -> Found? {
        for index in range {
            if let number = mentions.starting(at: index), mentions.all[number].kind == .person {
                return Found(who: .mention(number), extent: mentions.all[number].tokens)
            }
            if Pronouns.personal.contains(text.lower[index]) && text.lower[index] != "i" {
                return Found(who: .pronoun(index), extent: index..<(index + 1))
            }
        }
        for index in range {
            if let number = mentions.starting(at: index), mentions.all[number].kind == .organization {
                return Found(who: .mention(number), extent: mentions.all[number].tokens)
            }
        }
        return nil
    }

    private static let functionWords: Set<String> = [
        "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "that", "which", "who",
        "when", "while", "after", "before", "if", "than", "it", "this", "there", "here", "not", "no", "so",
        "said", "says", "told", "added", "was", "were", "is", "are", "be", "been", "has", "have", "had",
        "without", "within", "into", "onto", "upon", "about", "against", "over", "under", "through", "between",
        "among", "despite", "via", "per", "like", "unlike", "since", "until", "during",
    ]

    // MARK: Speakers

    private func speaker(_ found: Found, at quote: Int) -> Quote.Speaker? {
        switch found.who {
        case .mention(let number):
            let mention = mentions.all[number]
            return Quote.Speaker(text.span(mention.tokens), canonical: mentions.name(of: mention))
        case .name(let tokens):
            let name = text.text(tokens)
            return Quote.Speaker(text.span(tokens), canonical: mentions.fullest(name) ?? name)
        case .pronoun(let index):
            let word = text.lower[index]
            let resolved: Mention? = if let gender = Pronouns.gender(of: word) {
                person(before: index, gender: gender, unnamed: true)
            } else if Pronouns.group.contains(word) {
                group(before: index, head: nil)
            } else {
                nil
            }
            return Quote.Speaker(text.span(index..<(index + 1)), canonical: resolved.map(mentions.name(of:)))
        case .description(let tokens, let head):
            let word = text.lower[head]
            let words = Self.determiners.contains(text.lower[tokens.lowerBound]) && tokens.count > 1 ? tokens.dropFirst() : tokens[...]
            let span = text.span(words.startIndex..<words.endIndex)
            if !Self.indefinites.contains(text.lower[tokens.lowerBound]) {
                // `the ministry said` after `the Aldrian Ministry of Public Health`, `the centre said` after an
                // untagged `Coastal Forecast Centre`: the organization whose name has the same word.
                if Titles.institutions.contains(word), let named = group(before: tokens.lowerBound, head: word) {
                    return Quote.Speaker(span, canonical: mentions.name(of: named))
                }
                if let named = mentions.institution(named: word, before: tokens.lowerBound) { return Quote.Speaker(span, canonical: named) }
            }
            let resolved: Mention? = if Self.indefinites.contains(text.lower[tokens.lowerBound]) {
                nil // `one woman said`: somebody the article does not name
            } else if Titles.roles.contains(word) {
                person(titled: tokens, before: tokens.lowerBound) ?? person(titled: tokens, after: tokens.upperBound)
                    ?? person(before: tokens.lowerBound, gender: Titles.gender(of: word))
            } else if Titles.institutions.contains(word) {
                group(before: tokens.lowerBound, head: nil)
            } else {
                nil
            }
            // The speaker's words leave out the determiner: "clown" in "the clown said".
            return Quote.Speaker(span, canonical: resolved.map(mentions.name(of:)))
        }
    }

    /// The person a pronoun or a role description points back to: sentence by sentence backwards, the
    /// first compatible person of each sentence, since a sentence's subject comes first and subjects are
    /// what later pronouns take up.
    private func person(before index: Int, gender: Mention.Gender?, unnamed: Bool = false) -> Mention? {
        let candidates = mentions.before(index).filter(\.isPerson).reversed() as [Mention]
        guard !candidates.isEmpty else { return nil }
        // Untagged capitalized words may be places or firms: with no entity layer, those whose gender
        // the text settles go first.
        for strict in [true, false] {
            var sentence = text.sentenceOf[index]
            let oldest = max(0, sentence - 12)
            while sentence >= oldest {
                let compatible = candidates.filter { candidate in
                    guard text.sentenceOf[candidate.tokens.lowerBound] == sentence, let gender else { return text.sentenceOf[candidate.tokens.lowerBound] == sentence }
                    let known = mentions.gender(of: candidate)
                    return known == gender || known == nil && !(strict && candidate.kind == .unknown)
                }
                let named = compatible.first(where: { $0.kind == .person }) ?? compatible.first
                // `a man selling watermelons … “…,” he said`: a sentence that brings in somebody the article does
                // not name, and no name that could be a person, is who the pronoun takes up.
                // (Only sentences before the pronoun's own: there a description is mostly in a clause, as in
                // `Asked how long a patient should wait, he said`.)
                if unnamed, sentence < text.sentenceOf[index], !candidates.contains(where: { text.sentenceOf[$0.tokens.lowerBound] == sentence }),
                   unnamedPerson(in: sentence, before: index, gender: gender) != nil {
                    return nil
                }
                if let named { return named }
                sentence -= 1
            }
        }
        return nil
    }

    /// Where a sentence introduces a person by description only (`a man`, `an 81-year-old woman`, `one
    /// fisherman`) of a compatible gender, outside quotes and before `limit`: the article names nobody there.
    private func unnamedPerson(in sentence: Int, before limit: Int, gender: Mention.Gender?) -> Int? {
        let tokens = text.sentences[sentence]
        for start in tokens where start < limit && text.quoteOf[start] == nil && Self.indefinites.contains(text.lower[start]) {
            for next in (start + 1)..<min(tokens.upperBound, limit, start + 8) {
                let word = text.lower[next]
                if let noun = Self.people[word] {
                    if gender == nil || noun == nil || noun == gender { return start }
                    break
                }
                // Modifiers: `old`, `81-year-old`, `local`; not punctuation, function words or names.
                guard word == "-" || word.first.map({ $0.isLetter || $0.isNumber }) == true, !Self.functionWords.contains(word),
                      !text.isCapitalized(next) else { break }
            }
        }
        return nil
    }

    /// Nouns for people, with the gender they give when they give one.
    private static let people: [String: Mention.Gender?] = [
        "man": .male, "woman": .female, "boy": .male, "girl": .female, "fisherman": .male, "fisherwoman": .female,
        "father": .male, "mother": .female, "husband": .male, "wife": .female, "son": .male, "daughter": .female,
        "grandfather": .male, "grandmother": .female, "gentleman": .male, "lady": .female,
        "resident": nil, "passenger": nil, "driver": nil, "worker": nil, "farmer": nil, "seller": nil, "vendor": nil,
        "shopkeeper": nil, "neighbour": nil, "neighbor": nil, "customer": nil, "student": nil, "teacher": nil,
        "nurse": nil, "witness": nil, "villager": nil, "volunteer": nil, "pensioner": nil, "retiree": nil,
        "trader": nil, "tourist": nil, "visitor": nil, "local": nil, "person": nil, "survivor": nil, "parent": nil,
        "fan": nil, "shopper": nil, "commuter": nil, "patient": nil, "soldier": nil, "protester": nil, "voter": nil,
    ]
    /// `the judge` after `Judge Miriam Castellanos`, `Its managing director, Ms. Kaisa Lehtonen`, `the
    /// Russian president` after `Russian President Vladimir Putin`: the latest person the text gave that
    /// role or origin in the few words before the name.
    private func person(titled description: Range<Int>, before index: Int) -> Mention? {
        mentions.before(index).first { $0.isPerson && isTitled($0, like: description) }
    }

    /// After a headline, from the next paragraph on: a headline's "Belarus leader says …" names the
    /// person only in the article below it.
    private func person(titled description: Range<Int>, after index: Int) -> Mention? {
        guard index < text.count else { return nil }
        let paragraph = text.paragraphOf[index]
        return mentions.after(index).first { mention in
            let at = text.paragraphOf[mention.tokens.lowerBound]
            return mention.isPerson && at > paragraph && at <= paragraph + 3 && isTitled(mention, like: description)
        }
    }

    /// Whether the words before a mention share the description's head or one of its capitalized
    /// words' stems ("Belarus leader" and "Belarusian President Aleksandr Lukashenko").
    private func isTitled(_ mention: Mention, like description: Range<Int>) -> Bool {
        let before = text.lower[max(0, mention.tokens.lowerBound - 4)..<mention.tokens.lowerBound]
        let head = text.lower[description.upperBound - 1]
        // The role may sit in the name itself when the tagger took the title in ("Judge Harlan Moody").
        if before.contains(head) || text.lower[mention.tokens].contains(head) { return true }
        let stems = description.filter { text.isCapitalized($0) }.map { text.lower[$0].prefix(5) }.filter { $0.count == 5 }
        return stems.contains { stem in before.contains { $0.hasPrefix(stem) } }
    }

    private func group(before index: Int, head: String?) -> Mention? {
        mentions.before(index).first { mention in
            guard mention.isGroup else { return false }
            guard let head else { return mention.kind == .organization }
            return text.lower[mention.tokens].contains(head)
        }
    }

}
