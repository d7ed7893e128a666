//! Workbooks the way other programs write them, for tests and fixture generators: several
//! sheets, merged cells, formulas with cached values, error values, dates, booleans, numbers
//! and shared strings. The app's own writer ([`super::XlsxWriter`]) never writes most of
//! these (no formulas, one sheet), so the reader's handling of them is tested with this.

use super::xml::escape;
use super::zip::write_stored;

/// A cell as a spreadsheet program stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    Empty,
    /// A shared string (what Excel writes for typed text).
    Text(String),
    /// A number as Excel stores it (`1.2345678901234568E+31`).
    Number(String),
    /// A date serial number shown with a date format.
    Date(f64),
    Bool(bool),
    /// An error value without a formula (`#REF!`).
    Error(String),
    /// A formula and its cached value: text, or an error when `error`.
    Formula {
        formula: String,
        cached: String,
        error: bool,
    },
}

pub fn text(s: &str) -> RawCell {
    RawCell::Text(s.to_string())
}

/// One sheet: its name, rows of cells, and merged ranges (`"A1:C1"`).
pub struct RawSheet {
    pub name: String,
    pub rows: Vec<Vec<RawCell>>,
    pub merged: Vec<String>,
}

/// The workbook's bytes.
pub fn workbook(sheets: &[RawSheet]) -> Vec<u8> {
    let mut shared: Vec<String> = Vec::new();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (r, row) in s.rows.iter().enumerate() {
            xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", super::column_name(c), r + 1);
                let body = match cell {
                    RawCell::Empty => continue,
                    RawCell::Text(t) => {
                        shared.push(t.clone());
                        format!(r#"<c r="{at}" t="s"><v>{}</v></c>"#, shared.len() - 1)
                    }
                    RawCell::Number(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                    RawCell::Date(d) => format!(r#"<c r="{at}" s="1"><v>{d}</v></c>"#),
                    RawCell::Bool(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                    RawCell::Error(e) => format!(r#"<c r="{at}" t="e"><v>{}</v></c>"#, escape(e)),
                    RawCell::Formula { formula, cached, error } => format!(
                        r#"<c r="{at}" t="{}"><f>{}</f><v>{}</v></c>"#,
                        if *error { "e" } else { "str" },
                        escape(formula),
                        escape(cached)
                    ),
                };
                xml.push_str(&body);
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData>");
        if !s.merged.is_empty() {
            xml.push_str(&format!(r#"<mergeCells count="{}">"#, s.merged.len()));
            for m in &s.merged {
                xml.push_str(&format!(r#"<mergeCell ref="{m}"/>"#));
            }
            xml.push_str("</mergeCells>");
        }
        xml.push_str("</worksheet>");
        parts.push((format!("xl/worksheets/sheet{}.xml", i + 1), xml.into_bytes()));
    }
    let sheet_list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, s)| format!(r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#, escape(&s.name), i + 1, i + 1))
        .collect();
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheet_list}</sheets></workbook>"#
    );
    let rels: String = (0..sheets.len())
        .map(|i| {
            format!(
                r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{}.xml"/>"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
    );
    let sst: String = shared.iter().map(|t| format!(r#"<si><t xml:space="preserve">{}</t></si>"#, escape(t))).collect();
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{sst}</sst>"#,
        shared.len()
    );
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/sharedStrings.xml", sst.into_bytes()),
        ("xl/styles.xml", styles.as_bytes().to_vec()),
    ];
    files.extend(parts.iter().map(|(n, b)| (n.as_str(), b.clone())));
    write_stored(&files)
}

/// A workbook whose sheet is a deflated entry that inflates to `size` bytes (a "ZIP bomb").
pub fn inflating_workbook(size: usize) -> Vec<u8> {
    let workbook = r#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let deflated = miniz_oxide::deflate::compress_to_vec(&vec![b' '; size], 10);
    let mut zip = write_stored(&[
        ("xl/workbook.xml", workbook.as_bytes().to_vec()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.xml", deflated),
    ]);
    // Mark the last entry deflated (method 8) in its local and central headers.
    let last = |sig: &[u8]| zip.windows(4).rposition(|w| w == sig).unwrap_or(0);
    let (local, central) = (last(b"PK\x03\x04"), last(b"PK\x01\x02"));
    zip[local + 8] = 8;
    zip[central + 10] = 8;
    zip
}
