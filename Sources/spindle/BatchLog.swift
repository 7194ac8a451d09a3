import Foundation
import Spindle
import SpindleBatch

/// What `spindle annotate` tells the user on standard error: a progress bar on a terminal, plain
/// lines otherwise, or JSON lines with `--log-format json`.
final class BatchLog {
    let format: LogFormat
    let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) == 1
    private var barShown = false

    init(format: LogFormat, quiet: Bool) {
        self.format = format
        self.quiet = quiet
    }

    func handle(_ event: BatchEvent) {
        switch (event, format) {
        case (.failure(let failure), .text):
            clearBar()
            printError("error: \(failure)")
        case (.failure(let failure), .json):
            emit(["event": .string("failure"), "id": failure.id.map(JSONValue.string) ?? .null,
                  "source": .string(failure.source), "reason": .string(failure.reason)])
        case (.warning(let warning), .text):
            guard !quiet else { return }
            clearBar()
            printError("\(warning)")
        case (.warning(let warning), .json):
            guard !quiet else { return }
            emit(["event": .string("warning"), "source": .string(warning.source), "message": .string(warning.message)])
        case (.progress(let progress), .text):
            guard !quiet, terminal else { return }
            drawBar(progress)
        case (.progress(let progress), .json):
            guard !quiet else { return }
            emit(Self.fields(progress, event: "progress"))
        }
    }

    func summary(_ progress: BatchProgress) {
        switch format {
        case .json:
            emit(Self.fields(progress, event: "summary"))
        case .text:
            clearBar()
            guard !quiet || progress.failed > 0 else { return }
            var line = "\(progress.interrupted ? "interrupted: " : "")annotated \(progress.succeeded) document\(progress.succeeded == 1 ? "" : "s")"
            if progress.failed > 0 { line += ", \(progress.failed) failed" }
            if progress.skipped > 0 { line += ", \(progress.skipped) skipped (already done)" }
            line += String(format: " in %.1f s (%.1f documents/s, %@ tokens/s)", progress.seconds,
                           progress.documentsPerSecond, Self.short(progress.tokensPerSecond))
            printError(line)
        }
    }

    static func fields(_ progress: BatchProgress, event: String) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "event": .string(event), "ok": .int(progress.succeeded), "failed": .int(progress.failed),
            "skipped": .int(progress.skipped), "tokens": .int(progress.tokens),
            "seconds": .double((progress.seconds * 1000).rounded() / 1000),
            "documents_per_second": .double((progress.documentsPerSecond * 10).rounded() / 10),
            "tokens_per_second": .int(Int(progress.tokensPerSecond)),
        ]
        if let left = progress.secondsLeft { fields["eta_seconds"] = .int(Int(left.rounded())) }
        if progress.interrupted { fields["interrupted"] = .bool(true) }
        return fields
    }

    static func json(_ fields: [String: JSONValue]) -> [UInt8] {
        JSONValue.object(fields).jsonBytes
    }

    private func emit(_ fields: [String: JSONValue]) {
        FileHandle.standardError.write(Data(Self.json(fields) + [0x0A]))
    }

    private func drawBar(_ progress: BatchProgress) {
        let width = 24
        var line = ""
        if let total = progress.bytesTotal, total > 0 {
            let share = min(1, Double(progress.bytesRead) / Double(total))
            let filled = Int(share * Double(width))
            line += "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] "
            line += String(format: "%3d%% ", Int(share * 100))
        }
        line += "\(progress.documents) docs"
        if progress.failed > 0 { line += " (\(progress.failed) failed)" }
        line += String(format: "  %.0f docs/s  %@ tok/s", progress.documentsPerSecond, Self.short(progress.tokensPerSecond))
        if let left = progress.secondsLeft { line += "  ETA " + Self.clock(left) }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        barShown = true
    }

    private func clearBar() {
        guard barShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        barShown = false
    }

    static func short(_ value: Double) -> String {
        switch value {
        case 1e6...: String(format: "%.1fM", value / 1e6)
        case 1e3...: String(format: "%.1fk", value / 1e3)
        default: String(format: "%.0f", value)
        }
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}
