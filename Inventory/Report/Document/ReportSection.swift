/// Blocks that belong together; sections are set apart from each other (a blank line in text).
public struct ReportSection: Sendable, Equatable {
    public var blocks: [ReportBlock]

    public init(_ blocks: [ReportBlock]) {
        self.blocks = blocks
    }
}
