import Foundation
import SpindleCore

/// Checks a shared library file before `dlopen` maps it: the loader maps the file's segments as its
/// headers describe them, and touching a page past the end of a truncated file raises SIGBUS, which
/// kills the process before any error can be reported. So the header is read first and every part the
/// loader maps (program headers and loadable segments; for Mach-O, load commands and segments) must lie
/// inside the file, and the section header table too: a file cut short anywhere fails with a message.
enum LibraryFileCheck {
    static func check(_ absolute: String, shownAs path: String) throws(PluginLoadError) {
        func refuse(_ reason: String) -> PluginLoadError { .cannotOpen(path: path, reason: reason) }
        guard let handle = FileHandle(forReadingAtPath: absolute) else { throw refuse("cannot read the file") }
        defer { try? handle.close() }
        let size: UInt64
        do { size = try handle.seekToEnd() } catch { throw refuse("cannot read the file") }
        func read(_ offset: UInt64, _ count: Int) throws(PluginLoadError) -> [UInt8] {
            guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
                throw refuse("the file is truncated or damaged (\(size) bytes, but its headers describe data up to byte "
                             + "\(offset &+ UInt64(max(count, 0)))); build or copy it again")
            }
            do {
                try handle.seek(toOffset: offset)
                let data = try handle.read(upToCount: count) ?? Data()
                guard data.count == count else { throw refuse("the file changed while it was read") }
                return [UInt8](data)
            } catch let error as PluginLoadError {
                throw error
            } catch {
                throw refuse("cannot read the file: \(error)")
            }
        }
        guard size >= 4 else { throw refuse("not a shared library (the file is \(size) bytes)") }
        let magic = try read(0, 4)
        if magic == [0x7F, 0x45, 0x4C, 0x46] {
            try checkELF(size: size, read: read, refuse: refuse)
        } else if magic == [0xCF, 0xFA, 0xED, 0xFE] {
            try checkMachO(size: size, read: read, refuse: refuse)
        } else if magic == [0xCA, 0xFE, 0xBA, 0xBE] {
            return  // a universal Mach-O file: its slices are checked by dyld itself
        } else {
            throw refuse("not a shared library (no ELF or Mach-O header)")
        }
    }

    private static func checkELF(size: UInt64, read: (UInt64, Int) throws(PluginLoadError) -> [UInt8],
                                 refuse: (String) -> PluginLoadError) throws(PluginLoadError) {
        let identity = try read(0, 16)
        guard identity[4] == 2 else { throw refuse("not a 64-bit ELF library") }
        guard identity[5] == 1 else { throw refuse("not a little-endian ELF library") }
        let header = try read(0, 64)
        let type = header.u16(16), machine = header.u16(18)
        guard type == 3 else { throw refuse("an ELF file but not a shared library (type \(type))") }
        #if arch(x86_64)
        guard machine == 62 else { throw refuse("an ELF library for another processor (machine \(machine)), not x86-64") }
        #elseif arch(arm64)
        guard machine == 183 else { throw refuse("an ELF library for another processor (machine \(machine)), not AArch64") }
        #endif
        let programOffset = header.u64(32), sectionOffset = header.u64(40)
        let programEntry = Int(header.u16(54)), programCount = Int(header.u16(56))
        let sectionEntry = Int(header.u16(58)), sectionCount = Int(header.u16(60))
        guard programCount > 0, programEntry >= 56 else { throw refuse("an ELF file without program headers") }
        let table = try read(programOffset, programEntry * programCount)
        for index in 0..<programCount {
            let base = index * programEntry
            let kind = table.u32(base)
            let offset = table.u64(base + 8), fileSize = table.u64(base + 32)
            // PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_GNU_EH_FRAME...: every part with bytes in the file.
            if kind != 0, fileSize > 0 {
                guard offset <= size, fileSize <= size - offset else {
                    throw refuse("the file is truncated or damaged (\(size) bytes, but segment \(index) ends at byte "
                                 + "\(offset &+ fileSize)); build or copy it again")
                }
            }
        }
        if sectionCount > 0 { _ = try read(sectionOffset, sectionEntry * sectionCount) }
    }

    private static func checkMachO(size: UInt64, read: (UInt64, Int) throws(PluginLoadError) -> [UInt8],
                                   refuse: (String) -> PluginLoadError) throws(PluginLoadError) {
        let header = try read(0, 32)
        let fileType = header.u32(12), commandCount = Int(header.u32(16)), commandBytes = Int(header.u32(20))
        guard fileType == 6 || fileType == 8 else { throw refuse("a Mach-O file but not a dynamic library or bundle") }
        let commands = try read(32, commandBytes)
        var position = 0
        for _ in 0..<commandCount {
            guard position + 8 <= commands.count else { throw refuse("the file's load commands are damaged") }
            let command = commands.u32(position), length = Int(commands.u32(position + 4))
            guard length >= 8, position + length <= commands.count else { throw refuse("the file's load commands are damaged") }
            if command == 0x19, length >= 72 {  // LC_SEGMENT_64
                let offset = commands.u64(position + 40), fileSize = commands.u64(position + 48)
                guard offset <= size, fileSize <= size - offset else {
                    throw refuse("the file is truncated or damaged (\(size) bytes, but a segment ends at byte "
                                 + "\(offset &+ fileSize)); build or copy it again")
                }
            }
            position += length
        }
    }
}

private extension Array where Element == UInt8 {
    func u16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(self[at + $1]) << (8 * $1) } }
    func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(self[at + $1]) << (8 * $1) } }
}
