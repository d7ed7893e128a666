//! CSV export (RFC 4180) as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads
//! CJK text correctly), CRLF line ends, fields quoted only when they must be, and cells that a
//! spreadsheet would run as a formula neutralised with a leading single quote (CSV injection:
//! a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return).
//!
//! Pure string building, so the browser app and native tests share it.

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
    fn file_names_are_safe() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(file_name("customers", &t), "customers-20261125-0905.csv");
        assert_eq!(file_name("a/b c", &t), "a-b-c-20261125-0905.csv");
    }
}
