/// Finds, in a received SNMP message, the variables whose integer is encoded wider than its type allows.
///
/// net-snmp decodes an INTEGER of up to 8 bytes and keeps its low 32 bits (`CHECK_OVERFLOW_S` in asn1.c):
/// a toner level sent as 2^40 arrives as 0. The width is only visible in the raw BER, so the parse hook
/// reads it here, with every length checked against the bytes that are there (the message is hostile input).
enum WideIntegerScan {
    /// What a scan found.
    enum Outcome: Equatable {
        /// The message's variables, counted in order, and the positions of the too-wide ones.
        case variables(count: Int, tooWide: Set<Int>)
        /// An SNMPv3 message whose PDU is encrypted: its values cannot be seen before net-snmp decrypts them.
        case encrypted
        /// Not a message this reader can follow (net-snmp may still have parsed it).
        case unreadable
    }

    static func scan(_ bytes: [UInt8]) -> Outcome {
        var top = BERReader(bytes, bytes.startIndex..<bytes.endIndex)
        guard let message = top.next(), message.tag == 0x30 else { return .unreadable }
        var fields = BERReader(bytes, message.content)
        guard let version = fields.next(), version.tag == 0x02, let number = signed(bytes, version.content) else {
            return .unreadable
        }
        let pdu: BERReader.Element
        if number == 3 {
            // msgGlobalData, msgSecurityParameters, then the scoped PDU: a SEQUENCE, or an encrypted OCTET STRING.
            guard fields.next()?.tag == 0x30, fields.next()?.tag == 0x04, let data = fields.next() else { return .unreadable }
            if data.tag == 0x04 { return .encrypted }
            guard data.tag == 0x30 else { return .unreadable }
            var scoped = BERReader(bytes, data.content)
            guard scoped.next()?.tag == 0x04, scoped.next()?.tag == 0x04, let inner = scoped.next() else { return .unreadable }
            pdu = inner
        } else {
            guard fields.next()?.tag == 0x04, let inner = fields.next() else { return .unreadable }
            pdu = inner
        }
        guard (0xA0...0xA8).contains(pdu.tag) else { return .unreadable }
        var header = BERReader(bytes, pdu.content)
        // request-id, error-status, error-index (or non-repeaters, max-repetitions), then the variables.
        guard header.next()?.tag == 0x02, header.next()?.tag == 0x02, header.next()?.tag == 0x02,
              let list = header.next(), list.tag == 0x30 else { return .unreadable }
        var binds = BERReader(bytes, list.content)
        var count = 0
        var tooWide = Set<Int>()
        while !binds.atEnd {
            guard let bind = binds.next(), bind.tag == 0x30 else { return .unreadable }
            var parts = BERReader(bytes, bind.content)
            guard parts.next()?.tag == 0x06, let value = parts.next() else { return .unreadable }
            if isTooWide(tag: value.tag, bytes, value.content) { tooWide.insert(count) }
            count += 1
        }
        return .variables(count: count, tooWide: tooWide)
    }

    /// Whether a value of this tag does not fit its type: INTEGER beyond Integer32; Counter32, Gauge32,
    /// TimeTicks, UInteger32 beyond 32 unsigned bits or negative; Counter64 beyond 64 bits or negative.
    static func isTooWide(tag: UInt8, _ bytes: [UInt8], _ content: Range<Int>) -> Bool {
        switch tag {
        case 0x02:
            guard let value = signed(bytes, content) else { return true }
            return value < Int64(Int32.min) || value > Int64(Int32.max)
        case 0x41, 0x42, 0x43, 0x47:
            return !fitsUnsigned(bytes, content, octets: 4)
        case 0x46:
            return !fitsUnsigned(bytes, content, octets: 8)
        default:
            return false
        }
    }

    /// A two's-complement integer of 1 to 8 content bytes; nil when empty or longer.
    static func signed(_ bytes: [UInt8], _ content: Range<Int>) -> Int64? {
        guard !content.isEmpty, content.count <= 8 else { return nil }
        var value: Int64 = bytes[content.lowerBound] & 0x80 != 0 ? -1 : 0
        for index in content { value = (value << 8) | Int64(bytes[index]) }
        return value
    }

    /// Whether a non-negative integer fits in `octets` bytes (leading zero bytes allowed, as BER does).
    static func fitsUnsigned(_ bytes: [UInt8], _ content: Range<Int>, octets: Int) -> Bool {
        guard !content.isEmpty, bytes[content.lowerBound] & 0x80 == 0 else { return false }
        let significant = content.drop { bytes[$0] == 0 }
        return significant.count <= octets
    }
}

/// Reads BER type-length-value elements one after another inside a range of a byte array.
struct BERReader {
    struct Element {
        var tag: UInt8
        var content: Range<Int>
    }

    private let bytes: [UInt8]
    private var position: Int
    private let end: Int

    init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.bytes = bytes
        // Clamped so a range from elsewhere can never point outside the array.
        position = max(bytes.startIndex, min(range.lowerBound, bytes.endIndex))
        end = max(position, min(range.upperBound, bytes.endIndex))
    }

    var atEnd: Bool { position >= end }

    /// The next element, or nil (and no further elements) when the bytes do not hold a whole one.
    mutating func next() -> Element? {
        guard end - position >= 2 else { return stop() }
        let tag = bytes[position]
        // Multi-byte tags (low five bits all ones) are not used by SNMP.
        guard tag & 0x1F != 0x1F else { return stop() }
        var cursor = position + 1
        let first = bytes[cursor]
        cursor += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            // 0x80 is the indefinite form, which SNMP does not allow; more than 4 length bytes is nonsense.
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 4, end - cursor >= count else { return stop() }
            for _ in 0..<count {
                length = (length << 8) | Int(bytes[cursor])
                cursor += 1
            }
        }
        guard length <= end - cursor else { return stop() }
        position = cursor + length
        return Element(tag: tag, content: cursor..<(cursor + length))
    }

    private mutating func stop() -> Element? {
        position = end
        return nil
    }
}
