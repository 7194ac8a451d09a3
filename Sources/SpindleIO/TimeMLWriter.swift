import SpindleCore

/// Writes a document as TimeML in the TempEval-3 layout, so the `timexes` layer can be scored with
/// the TempEval-3 tools:
///
/// ```xml
/// <?xml version="1.0" ?>
/// <TimeML>
/// <DOCID>doc-1</DOCID>
/// <DCT><TIMEX3 tid="t0" type="DATE" value="2022-04-12" temporalFunction="false" functionInDocument="CREATION_TIME">2022-04-12</TIMEX3></DCT>
/// <TEXT>Talks were held on <TIMEX3 tid="t1" type="DATE" value="2022-04-08">Friday</TIMEX3>.</TEXT>
/// </TimeML>
/// ```
///
/// The text is written unchanged apart from XML escaping; characters XML 1.0 cannot hold (control
/// characters other than tab and line ends) become spaces so every scalar offset still matches.
/// A document without a date gets the creation time `XXXX-XX-XX`, which TempEval tools accept.
public struct TimeMLWriter: DocumentEncoder {
    public init() {}
    public var fileExtension: String { "tml" }

    public func encode(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(document.text.utf8.count + 256 + document.timexes.count * 64)
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func escaped(_ text: String, attribute: Bool) {
            for scalar in text.unicodeScalars { append(scalar, attribute: attribute, to: &out) }
        }

        let creation = Self.creationDate(document.metadata.date)
        raw("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>"); escaped(document.id, attribute: false); raw("</DOCID>\n")
        raw("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\""); raw(creation)
        raw("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"); raw(creation); raw("</TIMEX3></DCT>\n")
        raw("<TEXT>")

        let timexes = document.timexes.sorted { $0.span < $1.span }
        var next = 0
        var number = 1
        var open: Timex?
        var offset = 0
        for scalar in document.text.unicodeScalars {
            if let current = open, current.span.end == offset {
                raw("</TIMEX3>")
                open = nil
            }
            // Skip any timex that starts inside the one already written: TimeML tags cannot overlap.
            while next < timexes.count, timexes[next].span.start < offset || (open != nil && timexes[next].span.start == offset) {
                next += 1
            }
            if open == nil, next < timexes.count, timexes[next].span.start == offset, !timexes[next].span.isEmpty {
                let timex = timexes[next]
                raw("<TIMEX3 tid=\"t\(number)\" type=\"\(timex.type.rawValue)\" value=\"")
                escaped(timex.value, attribute: true)
                raw("\"")
                if let mod = timex.mod { raw(" mod=\""); escaped(mod, attribute: true); raw("\"") }
                raw(">")
                open = timex
                number += 1
                next += 1
            }
            append(scalar, attribute: false, to: &out)
            offset += 1
        }
        if open != nil { raw("</TIMEX3>") }
        raw("</TEXT>\n</TimeML>\n")
        return out
    }

    /// The document's date as a TIMEX3 day, or `XXXX-XX-XX` when it has none in `YYYY-MM-DD` form.
    static func creationDate(_ date: String?) -> String {
        guard let date, date.utf8.count >= 10 else { return "XXXX-XX-XX" }
        let day = String(date.prefix(10))
        let shape = day.unicodeScalars.enumerated().allSatisfy { index, scalar in
            index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
        }
        return shape ? day : "XXXX-XX-XX"
    }
}

private func append(_ scalar: Unicode.Scalar, attribute: Bool, to out: inout [UInt8]) {
    switch scalar {
    case "&": out.append(contentsOf: "&amp;".utf8)
    case "<": out.append(contentsOf: "&lt;".utf8)
    case ">": out.append(contentsOf: "&gt;".utf8)
    case "\"" where attribute: out.append(contentsOf: "&quot;".utf8)
    case "\t", "\n", "\r": out.append(UInt8(scalar.value))
    default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
            out.append(0x20)
        } else {
            out.append(contentsOf: String(scalar).utf8)
        }
    }
}
