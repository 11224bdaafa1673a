import Testing
@testable import Lint

@Suite("IndonesianNumber")
struct IndonesianNumberTests {
    /// One expected number: text as written, then mantissa, decimals and the decimal separator.
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let mantissa: Int64
        let decimals: Int
        let separator: Character?
        var testDescription: String { "\"\(text)\"" }

        init(_ text: String, _ mantissa: Int64, _ decimals: Int, _ separator: Character? = nil) {
            self.text = text
            self.mantissa = mantissa
            self.decimals = decimals
            self.separator = separator
        }
    }

    @Test("numbers as written", arguments: [
        Case("1.234.567,89", 123_456_789, 2, ","),
        Case("1.234", 1234, 0),  // a single dot before exactly three digits groups thousands
        Case("12.500", 12500, 0),
        Case("12.5", 125, 1, "."),  // a decimal point typed by the author
        Case("12.50", 1250, 2, "."),
        Case("73.5", 735, 1, "."),
        Case("0.62", 62, 2, "."),
        Case("0,62", 62, 2, ","),
        Case("0.500", 500, 3, "."),  // "0" cannot lead a thousands group
        Case("3.1416", 31416, 4, "."),
        Case("74,5", 745, 1, ","),
        Case("1,234", 1234, 3, ","),  // a lone comma is always the decimal comma
        Case("11680,5", 116_805, 1, ","),
        Case("100", 100, 0),
        Case("0", 0, 0),
        Case("1.000.000", 1_000_000, 0),
        Case("3.668.505.868, 00", 366_850_586_800, 2, ","),  // PDF space after the comma
        Case("1,234.56", 123_456, 2, "."),  // English form
        Case("1,234,567", 1_234_567, 0),
        Case("-5", -5, 0),
        Case("\u{2212}2,5", -25, 1, ","),
        Case("+7", 7, 0),
        Case("\u{00A0}1.234\u{00A0}", 1234, 0),
        Case("1.2\u{200B}34", 1234, 0),  // zero-width space from a conversion
        Case("16.", 16, 0),  // list number in a No column
        Case("9223372036854775807", Int64.max, 0),
    ])
    func readsNumbers(_ expected: Case) {
        let parsed = IndonesianNumber.parse(expected.text)
        #expect(parsed?.mantissa == expected.mantissa)
        #expect(parsed?.decimals == expected.decimals)
        #expect(parsed?.decimalSeparator == expected.separator)
    }

    @Test func percentAndCurrency() throws {
        let percent = try #require(IndonesianNumber.parse("93,50 %"))
        #expect(percent == ParsedNumber(mantissa: 9350, decimals: 2, isPercent: true, decimalSeparator: ","))
        #expect(IndonesianNumber.parse("93,50%") == percent)
        #expect(IndonesianNumber.parse("100%") == ParsedNumber(mantissa: 100, isPercent: true))
        #expect(IndonesianNumber.parse("100\u{00A0}%")?.isPercent == true)

        let pdf = try #require(IndonesianNumber.parse("Rp. 3.813.748.600,0 0"))
        #expect(pdf.mantissa == 381_374_860_000)
        #expect(pdf.decimals == 2)
        #expect(pdf.isCurrency && !pdf.isPercent)
        #expect(pdf.thousandsSeparator == ".")
        #expect(IndonesianNumber.parse("Rp3.813.748.600") == ParsedNumber(
            mantissa: 3_813_748_600, isCurrency: true, thousandsSeparator: "."))
        #expect(IndonesianNumber.parse("Rp 1.500.000,-") == ParsedNumber(
            mantissa: 1_500_000, isCurrency: true, thousandsSeparator: "."))
        #expect(IndonesianNumber.parse("Rp 1.500.000.-")?.mantissa == 1_500_000)
        #expect(IndonesianNumber.parse("RP. 250.000")?.isCurrency == true)
        #expect(IndonesianNumber.parse("Rp -5.000")?.mantissa == -5000)
        #expect(IndonesianNumber.parse("-Rp 5.000")?.mantissa == -5000)
        #expect(IndonesianNumber.parse("74,5")?.isCurrency == false)
    }

    @Test func valueAndHalfUnit() throws {
        let money = try #require(IndonesianNumber.parse("1.234.567,89"))
        #expect(money.value == 1_234_567.89)
        #expect(money.halfUnit == 0.005)
        #expect(IndonesianNumber.parse("1.234")?.value == 1234)
        #expect(IndonesianNumber.parse("1.234")?.halfUnit == 0.5)
        #expect(IndonesianNumber.parse("74,5")?.halfUnit == 0.05)
        #expect(IndonesianNumber.parse("0.62")?.value == 0.62)
        #expect(IndonesianNumber.parse("-2,5")?.value == -2.5)
        #expect(ParsedNumber(mantissa: 1, decimals: 30).value > 0)  // stays finite and positive past the table
    }

    @Test("blank forms", arguments: ["", "   ", "\u{00A0}", "-", "--", "–", "—", "\u{2212}", " - ", "Rp -", "Rp. –", "- %"])
    func blank(_ text: String) {
        #expect(IndonesianNumber.read(text) == .blank)
    }

    @Test("malformed forms", arguments: [
        ("11680.000", "more than three digits before a thousands dot"),
        ("1.23.456", "bad thousands grouping"),
        ("12.34.56", "bad thousands grouping"),
        ("1,2,3", "more than one decimal comma"),
        ("1..2", "two separators in a row"),
        ("1.234,5.6", "separators in an impossible order"),
        ("11680.000,50", "bad thousands grouping"),
        ("1,234.5,6", "separators in an impossible order"),
        (",5", "separator before the first digit"),
        ("5,", "no digits after the separator"),
        ("01,5", "leading zero"),
        ("Rp 5%", "both Rp and %"),
        ("Rp 5.2.01", "bad thousands grouping"),
        ("99999999999999999999", "too many digits"),
        ("0," + String(repeating: "0", count: 19) + "1", "too many digits"),
        (String(repeating: "9", count: 10_000), "too many digits"),
    ])
    func malformed(_ text: String, _ reason: String) {
        #expect(IndonesianNumber.read(text) == .malformed(reason))
    }

    @Test("not numbers", arguments: [
        "2021-2026", "2021 – 2026", "Tahun 2023", "IKM unit pelayanan X 25", "A", "Sekretaris",
        "5.2.01", "2.1.3", "1.02.01.2.01.0001", "X.XX.01.2.01.0001", "01", "0001", "01.02",
        "(5)", "n/a", "12 15", "2021, 2022", "1, 2", "Rp", "%", "...", "- 5", "5\u{301}", "7️⃣", "😀 12",
        "١٢", "2021\u{2013}2026",
    ])
    func notANumber(_ text: String) {
        #expect(IndonesianNumber.read(text) == .notANumber)
    }

    @Test func readAndParseAgree() {
        #expect(IndonesianNumber.parse("Sekretaris") == nil)
        #expect(IndonesianNumber.parse("-") == nil)
        #expect(IndonesianNumber.parse("11680.000") == nil)
        #expect(IndonesianNumber.read("1.234") == .number(ParsedNumber(mantissa: 1234, thousandsSeparator: ".")))
    }

    @Test func longAndStrangeInputIsFast() {
        let clock = ContinuousClock()
        let texts = [
            String(repeating: "1.", count: 5_000),
            String(repeating: "😀a1,", count: 2_500),
            String(repeating: "e\u{301}", count: 10_000),
            String(repeating: "Rp ", count: 4_000) + "5",
            String(repeating: "-", count: 10_000),
        ]
        let elapsed = clock.measure {
            for text in texts {
                _ = IndonesianNumber.read(text)
                _ = IndonesianNumber.numbers(in: text)
            }
        }
        #expect(elapsed < .seconds(2))
        #expect(IndonesianNumber.read(String(repeating: "-", count: 10_000)) == .blank)
        #expect(IndonesianNumber.numbers(in: String(repeating: "1.", count: 5_000)).count == 1)
    }

    // MARK: numbers(in:)

    /// The tokens of `text` as (the text each range covers, its reading).
    private func tokens(_ text: String) -> [(String, NumberReading)] {
        IndonesianNumber.numbers(in: text).map { (String(text[$0.range]), $0.reading) }
    }

    @Test func numbersInProse() throws {
        let capaian = tokens("Target 30 lembar dengan realisasi 6 lembar atau capaian 23,33%.")
        #expect(capaian.map(\.0) == ["30", "6", "23,33%"])
        #expect(capaian.map(\.1) == [
            .number(ParsedNumber(mantissa: 30)),
            .number(ParsedNumber(mantissa: 6)),
            .number(ParsedNumber(mantissa: 2333, decimals: 2, isPercent: true, decimalSeparator: ",")),
        ])

        let budget = tokens("Pagu Rp. 1.500.000,- terealisasi Rp 1.234.567,89 (82,30 %) pada periode 2021-2026.")
        #expect(budget.map(\.0) == ["Rp. 1.500.000,-", "Rp 1.234.567,89", "82,30 %", "2021", "2026"])
        #expect(IndonesianNumber.numbers(in: "Rp 1.234.567,89").first?.reading == .number(ParsedNumber(
            mantissa: 123_456_789, decimals: 2, isCurrency: true, decimalSeparator: ",", thousandsSeparator: ".")))

        let codes = tokens("Kode 5.2.01 program 01 untuk tahun 2021 – 2026, 2027 dan 2028.")
        #expect(codes.map(\.0) == ["5.2.01", "01", "2021", "2026", "2027", "2028"])
        #expect(codes.map(\.1).prefix(2).allSatisfy { $0 == .notANumber })

        let mixed = tokens("IKM unit pelayanan X 25, pertumbuhan -2,5% dan nilai 11680.000 keliru; IKU2 naik.")
        #expect(mixed.map(\.0) == ["25", "-2,5%", "11680.000", "2"])
        #expect(mixed[1].1 == .number(ParsedNumber(mantissa: -25, decimals: 1, isPercent: true, decimalSeparator: ",")))
        if case .malformed = mixed[2].1 {} else { Issue.record("11680.000 should be malformed, got \(mixed[2].1)") }

        #expect(tokens("Tidak ada angka di sini, Rp saja, rpx atau Sekretaris.").isEmpty)
        #expect(tokens("AkhirRp 5").map(\.0) == ["5"])  // "Rp" inside a word is no prefix
    }

    @Test func rangesPointIntoTheOriginalText() throws {
        let text = "Capaian 😀 e\u{301} 99,89\u{00A0}% tercapai"
        let found = try #require(IndonesianNumber.numbers(in: text).first)
        #expect(text[found.range] == "99,89\u{00A0}%")
        #expect(text[found.range.upperBound...] == " tercapai")
    }

    @Test func formatsTheIndonesianWay() {
        #expect(IndonesianNumber.format(2_294_120_184, decimals: 0) == "2.294.120.184")
        #expect(IndonesianNumber.format(94.4444, decimals: 2) == "94,44")
        #expect(IndonesianNumber.format(0.5, decimals: 1) == "0,5")
        #expect(IndonesianNumber.format(-1234.5, decimals: 1) == "-1.234,5")
        #expect(IndonesianNumber.format(-0.001, decimals: 2) == "0,00")
        #expect(IndonesianNumber.format(1, decimals: 40) == "1,000000000000000")
        #expect(IndonesianNumber.format(.infinity, decimals: 2) == "inf")
    }
}
