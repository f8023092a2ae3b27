import Foundation
import ZIPFoundation

extension WordFile {
    /// The parts deflated into one in-memory ZIP archive, each entry dated `date`.
    static func zip(_ parts: [(path: String, xml: String)], date: Date) throws(WordFileError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw .archive(part: "(archive)", reason: "\(error)")
        }
        for part in parts {
            let bytes = Data(part.xml.utf8)
            do {
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<(Int(position) + size))
                }
            } catch {
                throw .archive(part: part.path, reason: "\(error)")
            }
        }
        guard let data = archive.data else { throw .archive(part: "(archive)", reason: "the in-memory archive holds no data") }
        return data
    }
}
