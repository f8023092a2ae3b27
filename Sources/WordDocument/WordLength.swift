/// Lengths in twentieths of a point (twips), the unit WordprocessingML measures pages and indents in.
public enum WordLength {
    /// Twips in `millimetres`: 1 mm = 1440 / 25.4 twips.
    public static func mm(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    /// Twips in `centimetres`.
    public static func cm(_ centimetres: Double) -> Int { mm(centimetres * 10) }

    /// Twips in `points`.
    public static func pt(_ points: Double) -> Int { Int((points * 20).rounded()) }
}
