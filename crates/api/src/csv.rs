//! CSV export (RFC 4180) as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads
//! CJK text correctly), CRLF line ends, fields quoted only when they must be, and cells that a
//! spreadsheet would run as a formula neutralised with a leading single quote (CSV injection:
//! a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return).
//!
//! Amounts are written as plain numbers (`35920.00`, no currency, no thousands separators) with
//! the currency in a column of its own, so a spreadsheet can add them up: a [`Value::Number`]
//! that is a plain decimal is written as it is (a leading `-` is a sign there, not a formula);
//! anything else is text and neutralised.
//!
//! Pure string building, so the browser app and native tests share it.

use crate::Amount;
use std::borrow::Cow;

/// The UTF-8 byte-order mark every file starts with.
pub const BOM: &str = "\u{feff}";

/// Line end between records.
pub const CRLF: &str = "\r\n";

/// First characters that make a spreadsheet treat a cell as a formula (or that can hide one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when a spreadsheet could run the cell as a formula.
pub fn is_formula_like(field: &str) -> bool {
    field.starts_with(FORMULA_STARTS)
}

/// Prefixes a single quote to a formula-like cell, so it is shown as text and never run.
pub fn neutralise(field: &str) -> Cow<'_, str> {
    if is_formula_like(field) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// One field as written to the file: neutralised, then quoted (with doubled quotes) when it
/// holds a quote, comma, CR or LF, or begins or ends with a space.
pub fn field(value: &str) -> Cow<'_, str> {
    let safe = neutralise(value);
    let needs_quotes = safe.contains(['"', ',', '\r', '\n']) || safe.starts_with(' ') || safe.ends_with(' ');
    if !needs_quotes {
        return safe;
    }
    let mut out = String::with_capacity(safe.len() + 2);
    out.push('"');
    for c in safe.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    Cow::Owned(out)
}

/// A plain decimal number: optional sign, digits, optional fraction (no exponent, no
/// thousands separators, nothing a spreadsheet might read differently).
pub fn is_plain_decimal(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() || frac.bytes().all(|b| b.is_ascii_digit()))
        && !body.ends_with('.')
}

/// An amount as a CSV number: two decimals, half away from zero, no grouping (`35920.00`).
pub fn amount(a: Amount) -> String {
    format!("{:.2}", a.round2().0)
}

/// One exported value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text: neutralised when a spreadsheet could run it, quoted when it must be.
    Text(String),
    /// A number (`-12.50`): written as it is when it is a plain decimal, else as text.
    Number(String),
}

impl Value {
    /// The field as written to the file.
    pub fn field(&self) -> Cow<'_, str> {
        match self {
            Value::Number(n) if is_plain_decimal(n) => Cow::Borrowed(n),
            Value::Number(t) | Value::Text(t) => field(t),
        }
    }
}

/// Builds a CSV document: the BOM, a header record, then data records.
#[derive(Debug, Clone)]
pub struct CsvWriter {
    out: String,
    records: u64,
}

impl CsvWriter {
    /// A document with the BOM and the header record.
    pub fn new<I, S>(header: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut w = CsvWriter { out: String::from(BOM), records: 0 };
        w.push(header);
        w
    }

    fn push<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(&field(f.as_ref()));
        }
        self.out.push_str(CRLF);
    }

    /// Appends one data record.
    pub fn record<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.push(fields);
        self.records += 1;
    }

    /// Appends one data record of typed values (numbers stay numbers).
    pub fn record_values<'a>(&mut self, values: impl IntoIterator<Item = &'a Value>) {
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(&v.field());
        }
        self.out.push_str(CRLF);
        self.records += 1;
    }

    /// Data records written so far (the header not counted).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The document text (starting with the BOM).
    pub fn finish(self) -> String {
        self.out
    }
}

/// A whole document from a header and rows.
pub fn to_csv<H, R, S>(header: H, rows: impl IntoIterator<Item = R>) -> String
where
    H: IntoIterator<Item = S>,
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut w = CsvWriter::new(header);
    for r in rows {
        w.record(r);
    }
    w.finish()
}

/// `<name>-YYYYMMDD-HHMM.csv`: a file name for an export made at a local time.
pub fn file_name(name: &str, local: &chrono::NaiveDateTime) -> String {
    let safe: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("{safe}-{}.csv", local.format("%Y%m%d-%H%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rows: &[&[&str]]) -> String {
        to_csv(["a", "b"], rows.iter().map(|r| r.iter().copied()))
    }

    #[test]
    fn starts_with_bom_and_uses_crlf() {
        let s = doc(&[&["1", "2"]]);
        assert!(s.starts_with('\u{feff}'));
        assert_eq!(s.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(s, "\u{feff}a,b\r\n1,2\r\n");
    }

    #[test]
    fn plain_fields_stay_unquoted() {
        assert_eq!(field("hello world"), "hello world");
        assert_eq!(field(""), "");
        assert_eq!(field("CNY 1234.50"), "CNY 1234.50");
    }

    #[test]
    fn quotes_commas_and_newlines_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("line1\nline2"), "\"line1\nline2\"");
        assert_eq!(field("line1\r\nline2"), "\"line1\r\nline2\"");
        assert_eq!(field(" padded "), "\" padded \"");
        assert_eq!(field("\""), "\"\"\"\"");
        assert_eq!(field("CNY 1,234.50"), "\"CNY 1,234.50\"");
    }

    #[test]
    fn cjk_text_is_kept_as_utf8() {
        let s = doc(&[&["华云智联科技有限公司", "客户经理,主管"]]);
        assert_eq!(s, "\u{feff}a,b\r\n华云智联科技有限公司,\"客户经理,主管\"\r\n");
        assert!(String::from_utf8(s.into_bytes()).is_ok());
    }

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(1)"), "'@SUM(1)");
        assert_eq!(field("\t=1"), "'\t=1");
        // A CR start is neutralised and, holding a CR, quoted too.
        assert_eq!(field("\r=1"), "\"'\r=1\"");
        // Quoting comes after neutralising: the quote stays inside the quoted field.
        assert_eq!(field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        // Only the first character matters.
        assert_eq!(field("a=1"), "a=1");
        assert_eq!(field("1-2"), "1-2");
        assert!(!is_formula_like(""));
    }

    #[test]
    fn header_is_escaped_and_records_are_counted() {
        let mut w = CsvWriter::new(["名称", "=x", "a,b"]);
        assert_eq!(w.records(), 0);
        w.record(["1", "2", "3"]);
        w.record(vec!["4".to_string(), "5".to_string(), "6".to_string()]);
        assert_eq!(w.records(), 2);
        assert_eq!(w.finish(), "\u{feff}名称,'=x,\"a,b\"\r\n1,2,3\r\n4,5,6\r\n");
    }

    #[test]
    fn amounts_are_plain_numbers_and_only_plain_numbers_escape_neutralising() {
        let a = |s: &str| amount(Amount::parse(s).unwrap());
        assert_eq!(a("35920"), "35920.00");
        assert_eq!(a("1234567.5"), "1234567.50");
        assert_eq!(a("-12.5"), "-12.50");
        assert_eq!(a("0.005"), "0.01");
        assert_eq!(a("1E+2"), "100.00");
        let n = |s: &str| Value::Number(s.into()).field().into_owned();
        assert_eq!(n("35920.00"), "35920.00");
        assert_eq!(n("-12.50"), "-12.50", "a negative number is a number, not a formula");
        assert_eq!(n("7"), "7");
        // Not a plain decimal: text, so still neutralised and quoted.
        assert_eq!(n("-1+1"), "'-1+1");
        assert_eq!(n("=1"), "'=1");
        assert_eq!(n("1,000"), "\"1,000\"");
        assert_eq!(n("1e3"), "1e3");
        assert_eq!(Value::Text("-12.50".into()).field(), "'-12.50", "text is always neutralised");
        let mut w = CsvWriter::new(["金额", "金额(币种)"]);
        w.record_values(&[Value::Number(a("-35920")), Value::Text("CNY".into())]);
        w.record_values(&[Value::Number(a("1234.5")), Value::Text("=CNY".into())]);
        assert_eq!(w.records(), 2);
        assert_eq!(w.finish(), "\u{feff}金额,金额(币种)\r\n-35920.00,CNY\r\n1234.50,'=CNY\r\n");
    }

    #[test]
    fn file_names_are_safe() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(file_name("customers", &t), "customers-20261125-0905.csv");
        assert_eq!(file_name("a/b c", &t), "a-b-c-20261125-0905.csv");
    }
}
