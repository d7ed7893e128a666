//! Writing a one-sheet XLSX workbook, row by row (exports stream pages into it): a bold,
//! frozen header row, then typed cells. Text is always an inline string and no formula element
//! is ever written, so exported text (`=cmd|…`) cannot run in a spreadsheet. Numbers, amounts
//! and dates are real numeric cells, so people can sum and sort them; amounts show two
//! decimals and their currency through a number format, dates through a date format.

use super::xlsx::column_name;
use super::xml::escape;
use super::zip::write_stored;
use crate::money::Amount;
use chrono::NaiveDateTime;

/// A cell to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A number as exact decimal text (e.g. `1234.50`); text that is not a plain decimal
    /// number is written as text.
    Number(String),
    /// An amount in a currency: a number shown with two decimals and the currency code.
    Money(Amount, String),
    /// A local date and time (already in the reader's time zone), as a spreadsheet date.
    DateTime(NaiveDateTime),
}

impl Cell {
    /// The text a person reads in the cell (for CSV twins of a sheet).
    pub fn into_text(self) -> String {
        match self {
            Cell::Text(t) | Cell::Number(t) => t,
            Cell::Money(a, c) => a.with_currency(&c),
            Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// Style indices in `cellXfs` (see [`XlsxWriter::styles`]).
const STYLE_HEADER: usize = 1;
const STYLE_DATE: usize = 2;
/// Money styles follow, one per currency in order of first use.
const STYLE_MONEY0: usize = 3;
/// Custom number formats start at 164 (lower ids are built in).
const NUMFMT_DATE: usize = 164;
/// Default column width in characters.
const COLUMN_WIDTH: u32 = 18;

use crate::csv::is_plain_decimal;

/// Days since 1899-12-30 (the spreadsheet epoch, 1900 date system), with the time as fraction.
fn serial(t: &NaiveDateTime) -> f64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default();
    (*t - epoch).num_seconds() as f64 / 86_400.0
}

/// A currency code as it may appear inside a number format (letters and digits only).
fn currency_code(c: &str) -> String {
    c.chars().filter(char::is_ascii_alphanumeric).take(8).collect()
}

/// A workbook written one row at a time; [`XlsxWriter::finish`] packs it.
pub struct XlsxWriter {
    /// The `<row>` elements so far.
    data: String,
    /// Rows written, header included.
    rows: usize,
    columns: usize,
    /// Currencies of money cells, in order of first use (one number format each).
    currencies: Vec<String>,
}

impl XlsxWriter {
    /// A workbook whose first row is this header (bold, frozen).
    pub fn new<I, S>(header: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut w = XlsxWriter { data: String::new(), rows: 0, columns: 0, currencies: Vec::new() };
        let cells: Vec<Cell> = header.into_iter().map(|h| Cell::Text(h.into())).collect();
        w.columns = cells.len();
        w.push(&cells, true);
        w
    }

    /// Appends one data row.
    pub fn row(&mut self, cells: &[Cell]) {
        self.columns = self.columns.max(cells.len());
        self.push(cells, false);
    }

    /// Data rows written (the header not counted).
    pub fn records(&self) -> u64 {
        self.rows.saturating_sub(1) as u64
    }

    fn money_style(&mut self, currency: &str) -> usize {
        let code = currency_code(currency);
        let i = match self.currencies.iter().position(|c| *c == code) {
            Some(i) => i,
            None => {
                self.currencies.push(code);
                self.currencies.len() - 1
            }
        };
        STYLE_MONEY0 + i
    }

    fn push(&mut self, cells: &[Cell], header: bool) {
        use std::fmt::Write;
        let r = self.rows + 1;
        let _ = write!(self.data, r#"<row r="{r}">"#);
        for (c, cell) in cells.iter().enumerate() {
            let reference = format!("{}{r}", column_name(c));
            let text = |data: &mut String, t: &str, style: usize| {
                let s = if style > 0 { format!(r#" s="{style}""#) } else { String::new() };
                let _ = write!(
                    data,
                    r#"<c r="{reference}"{s} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(t)
                );
            };
            let number = |data: &mut String, v: &str, style: usize| {
                let s = if style > 0 { format!(r#" s="{style}""#) } else { String::new() };
                let _ = write!(data, r#"<c r="{reference}"{s}><v>{v}</v></c>"#);
            };
            let plain = if header { STYLE_HEADER } else { 0 };
            match cell {
                Cell::Text(t) => text(&mut self.data, t, plain),
                Cell::Number(n) if is_plain_decimal(n.trim()) => number(&mut self.data, n.trim(), plain),
                Cell::Number(n) => text(&mut self.data, n, plain),
                Cell::Money(a, currency) => {
                    let style = if header { STYLE_HEADER } else { self.money_style(currency) };
                    number(&mut self.data, &a.0.normalize().to_string(), style)
                }
                Cell::DateTime(t) => {
                    number(&mut self.data, &serial(t).to_string(), if header { STYLE_HEADER } else { STYLE_DATE })
                }
            }
        }
        self.data.push_str("</row>");
        self.rows += 1;
    }

    /// `styles.xml`: normal, bold header, date, then one money format per currency.
    fn styles(&self) -> String {
        let mut formats = format!(r#"<numFmt numFmtId="{NUMFMT_DATE}" formatCode="yyyy-mm-dd hh:mm"/>"#);
        let mut money_xfs = String::new();
        for (i, c) in self.currencies.iter().enumerate() {
            let id = NUMFMT_DATE + 1 + i;
            formats.push_str(&format!(
                r#"<numFmt numFmtId="{id}" formatCode="{}"/>"#,
                escape(&format!("#,##0.00 \"{c}\""))
            ));
            money_xfs.push_str(&format!(r#"<xf numFmtId="{id}" fontId="0" xfId="0" applyNumberFormat="1"/>"#));
        }
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="{}">{formats}</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="{}"><xf fontId="0" xfId="0"/><xf fontId="1" xfId="0" applyFont="1"/><xf numFmtId="{NUMFMT_DATE}" fontId="0" xfId="0" applyNumberFormat="1"/>{money_xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#,
            1 + self.currencies.len(),
            STYLE_MONEY0 + self.currencies.len(),
        )
    }

    /// The workbook's bytes (a ZIP), with this sheet name.
    pub fn finish(self, sheet_name: &str) -> Vec<u8> {
        // Sheet names: ≤ 31 characters, none of []:*?/\ .
        let name: String = sheet_name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        let name = if name.trim().is_empty() { "Sheet1".to_string() } else { name };
        let workbook = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            escape(&name)
        );
        let cols = if self.columns > 0 {
            format!(r#"<cols><col min="1" max="{}" width="{COLUMN_WIDTH}" customWidth="1"/></cols>"#, self.columns)
        } else {
            String::new()
        };
        let styles = self.styles();
        let mut sheet = String::with_capacity(self.data.len() + 512);
        sheet.push_str(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
        );
        sheet.push_str(&cols);
        sheet.push_str("<sheetData>");
        sheet.push_str(&self.data);
        sheet.push_str("</sheetData></worksheet>");
        write_stored(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
            ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
            ("xl/workbook.xml", workbook.into_bytes()),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes().to_vec()),
            ("xl/styles.xml", styles.into_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
        ])
    }
}

/// A one-sheet workbook; the first row is the header (bold, frozen).
pub fn write_xlsx(sheet_name: &str, rows: &[Vec<Cell>]) -> Vec<u8> {
    let Some((header, body)) = rows.split_first() else {
        return XlsxWriter::new(Vec::<String>::new()).finish(sheet_name);
    };
    let mut w = XlsxWriter { data: String::new(), rows: 0, columns: header.len(), currencies: Vec::new() };
    w.push(header, true);
    for r in body {
        w.row(r);
    }
    w.finish(sheet_name)
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

#[cfg(test)]
mod tests {
    use super::super::read_xlsx;
    use super::super::zip::Archive;
    use super::*;

    fn part(bytes: &[u8], name: &str) -> String {
        Archive::open(bytes).unwrap().read_text(name).unwrap().unwrap()
    }

    #[test]
    fn plain_decimals_only() {
        for ok in ["0", "12", "-3", "1234.50", "0.01"] {
            assert!(is_plain_decimal(ok), "{ok}");
        }
        for bad in ["", "-", "1.", ".5", "1e5", "1,234", "NaN", "inf", "=1+1", "12 "] {
            assert!(!is_plain_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn streamed_rows_are_typed_cells() {
        let mut w = XlsxWriter::new(["订单号", "金额", "数量", "创建时间"]);
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(18, 0, 0).unwrap();
        w.row(&[
            Cell::Text("=HYPERLINK(\"x\")".into()),
            Cell::Money(Amount::parse("1234.5").unwrap(), "CNY".into()),
            Cell::Number("3".into()),
            Cell::DateTime(at),
        ]);
        w.row(&[
            Cell::Text("+cmd".into()),
            Cell::Money(Amount::parse("-0.25").unwrap(), "USD".into()),
            Cell::Number("1e9".into()),
            Cell::Text(String::new()),
        ]);
        assert_eq!(w.records(), 2);
        let bytes = w.finish("订单 Orders");
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<f>"), "no formulas");
        // Header bold; amounts numbers with one style per currency; the date a serial number.
        assert!(sheet.contains(r#"<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">订单号</t>"#));
        assert!(sheet.contains(r#"<c r="B2" s="3"><v>1234.5</v></c>"#), "{sheet}");
        assert!(sheet.contains(r#"<c r="C2"><v>3</v></c>"#));
        assert!(sheet.contains(r#"<c r="D2" s="2"><v>46351.75</v></c>"#), "{sheet}");
        assert!(sheet.contains(r#"<c r="B3" s="4"><v>-0.25</v></c>"#));
        // Not a plain decimal: kept as text, as typed.
        assert!(sheet.contains(r#"<c r="C3" t="inlineStr"><is><t xml:space="preserve">1e9</t>"#));
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains(r##"formatCode="#,##0.00 &quot;CNY&quot;""##), "{styles}");
        assert!(styles.contains(r##"formatCode="#,##0.00 &quot;USD&quot;""##));
        assert!(styles.contains(r#"<cellXfs count="5">"#));
        let back = read_xlsx(&bytes).unwrap();
        assert_eq!(back[0], vec!["订单号", "金额", "数量", "创建时间"]);
        assert_eq!(back[1], vec!["=HYPERLINK(\"x\")", "1234.5", "3", "46351.75"]);
        assert_eq!(back[2][0], "+cmd");
    }

    #[test]
    fn into_text_reads_like_the_table() {
        assert_eq!(Cell::Money(Amount::parse("1234.5").unwrap(), "CNY".into()).into_text(), "CNY 1,234.50");
        assert_eq!(Cell::Number("7".into()).into_text(), "7");
    }

    #[test]
    fn odd_currency_codes_cannot_break_the_format() {
        let mut w = XlsxWriter::new(["a"]);
        w.row(&[Cell::Money(Amount::from_cents(100), "C\"N<Y".into())]);
        let styles = part(&w.finish(""), "xl/styles.xml");
        assert!(styles.contains(r##"formatCode="#,##0.00 &quot;CNY&quot;""##));
    }
}
