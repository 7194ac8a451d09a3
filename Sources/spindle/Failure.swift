import ArgumentParser
import Foundation

/// Prints a user-facing error to standard error and exits with the documented code.
func fail(_ message: String, code: Int32 = 2) -> ExitCode {
    printError("error: \(message)")
    return ExitCode(code)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
