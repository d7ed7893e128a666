//! XLSX (Office Open XML spreadsheet) reading of the first worksheet, and writing of a
//! one-sheet workbook with a bold header row. Written cells are inline strings or numbers,
//! never formulas, so exported text cannot run in a spreadsheet.

use super::xml::{elements, escape, text_of, unescape};
use super::zip::{write_stored, Archive};
use super::{trim_trailing_blank_rows, Rows, SheetError};

/// A cell to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A number as exact decimal text (e.g. an amount `1234.50`).
    Number(String),
}

/// `"B3"` → column index 1.
fn column_of(reference: &str) -> Option<usize> {
    let letters: String = reference.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if letters.is_empty() {
        return None;
    }
    letters
        .chars()
        .try_fold(0usize, |acc, c| Some(acc * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)))
        .map(|n| n - 1)
}

fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The workbook's sheets in order: (name, relationship id).
fn sheets(archive: &Archive) -> Result<Vec<(String, Option<String>)>, SheetError> {
    let Some(workbook) = archive.read_text("xl/workbook.xml")? else { return Err(SheetError::NoSheet) };
    let list: Vec<(String, Option<String>)> = elements(&workbook, "sheet")
        .iter()
        .map(|s| (s.attr("name").map(|n| unescape(&n)).unwrap_or_default(), s.attr("r:id")))
        .collect();
    if list.is_empty() {
        return Err(SheetError::NoSheet);
    }
    Ok(list)
}

/// The part name of worksheet `index`, following the workbook's relationships.
fn sheet_path(archive: &Archive, index: usize) -> Result<String, SheetError> {
    let fallback = format!("xl/worksheets/sheet{}.xml", index + 1);
    let Some(rid) = sheets(archive)?.into_iter().nth(index).ok_or(SheetError::NoSheet)?.1 else {
        return Err(SheetError::NoSheet);
    };
    let Some(rels) = archive.read_text("xl/_rels/workbook.xml.rels")? else { return Ok(fallback) };
    let target = elements(&rels, "Relationship")
        .into_iter()
        .find(|r| r.attr("Id").as_deref() == Some(&rid))
        .and_then(|r| r.attr("Target"));
    Ok(match target {
        Some(t) if t.starts_with('/') => t.trim_start_matches('/').to_string(),
        Some(t) => format!("xl/{t}"),
        None => fallback,
    })
}

/// The names of the workbook's sheets, in the order Excel shows them.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    Ok(sheets(&Archive::open(bytes)?)?.into_iter().map(|(n, _)| n).collect())
}

/// The cell texts of the first worksheet, row by row (gaps filled with empty cells).
pub fn read_xlsx(bytes: &[u8]) -> Result<Rows, SheetError> {
    read_xlsx_sheet(bytes, 0)
}

/// The cell texts of worksheet `index` (0 = the first).
pub fn read_xlsx_sheet(bytes: &[u8], index: usize) -> Result<Rows, SheetError> {
    let archive = Archive::open(bytes)?;
    let shared: Vec<String> = match archive.read_text("xl/sharedStrings.xml")? {
        Some(xml) => elements(&xml, "si").iter().map(|si| text_of(si.inner)).collect(),
        None => Vec::new(),
    };
    let path = sheet_path(&archive, index)?;
    let sheet = archive.read_text(&path)?.ok_or(SheetError::NoSheet)?;
    let mut rows: Rows = Vec::new();
    for row in elements(&sheet, "row") {
        let index = row.attr("r").and_then(|r| r.parse::<usize>().ok()).map_or(rows.len(), |r| r.saturating_sub(1));
        // Rows may skip numbers (empty rows are not written): keep positions.
        while rows.len() < index {
            rows.push(Vec::new());
        }
        let mut cells: Vec<String> = Vec::new();
        for c in elements(row.inner, "c") {
            let col = c.attr("r").and_then(|r| column_of(&r)).unwrap_or(cells.len());
            let value = || elements(c.inner, "v").first().map(|v| unescape(v.inner)).unwrap_or_default();
            let text = match c.attr("t").as_deref() {
                Some("s") => {
                    value().trim().parse::<usize>().ok().and_then(|i| shared.get(i).cloned()).unwrap_or_default()
                }
                Some("inlineStr") => text_of(c.inner),
                Some("b") => {
                    if value() == "1" {
                        "TRUE".into()
                    } else {
                        "FALSE".into()
                    }
                }
                _ => value(),
            };
            if col >= cells.len() {
                cells.resize(col + 1, String::new());
            }
            cells[col] = text;
        }
        if rows.len() == index {
            rows.push(cells);
        } else if let Some(slot) = rows.get_mut(index) {
            *slot = cells;
        }
    }
    Ok(trim_trailing_blank_rows(rows))
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0" xfId="0"/><xf fontId="1" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// A one-sheet workbook; the first row is the header (bold, frozen).
pub fn write_xlsx(sheet_name: &str, rows: &[Vec<Cell>]) -> Vec<u8> {
    // Sheet names: ≤ 31 characters, none of []:*?/\ .
    let name: String = sheet_name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    let name = if name.is_empty() { "Sheet1".to_string() } else { name };
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        escape(&name)
    );
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        let style = if r == 0 { r#" s="1""# } else { "" };
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Text(t) => sheet.push_str(&format!(
                    r#"<c r="{reference}"{style} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(t)
                )),
                Cell::Number(n) => sheet.push_str(&format!(r#"<c r="{reference}"{style}><v>{}</v></c>"#, escape(n))),
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    write_stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes().to_vec()),
        ("xl/styles.xml", STYLES.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
    }

    #[test]
    fn written_workbook_reads_back() {
        let rows = vec![
            vec![Cell::Text("客户ID".into()), Cell::Text("账号名".into()), Cell::Text("金额".into())],
            vec![Cell::Text("c1".into()), Cell::Text("=cmd|' /C calc'!A0".into()), Cell::Number("12.50".into())],
            vec![Cell::Text("c2 <&>".into()), Cell::Text(String::new()), Cell::Number("3".into())],
        ];
        let bytes = write_xlsx("白名单 [v1]", &rows);
        let back = read_xlsx(&bytes).unwrap();
        assert_eq!(back[0], vec!["客户ID", "账号名", "金额"]);
        assert_eq!(back[1], vec!["c1", "=cmd|' /C calc'!A0", "12.50"]);
        assert_eq!(back[2], vec!["c2 <&>", "", "3"]);
        // Text stays text: no formula element is ever written.
        let sheet = Archive::open(&bytes).unwrap().read_text("xl/worksheets/sheet1.xml").unwrap().unwrap();
        assert!(!sheet.contains("<f>"));
    }

    #[test]
    fn reads_shared_strings_gaps_and_rich_text() {
        let sheet = r#"<worksheet><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="3"><c r="B3" t="str"><v>x &amp; y</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><v>1234567890123</v></c></row>
        </sheetData></worksheet>"#;
        let shared = r#"<sst><si><t>客户ID</t></si><si><r><t>备</t></r><r><t>注</t></r></si></sst>"#;
        let workbook = r#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>"#;
        let rels = r#"<Relationships><Relationship Id="rId7" Target="/xl/worksheets/data.xml"/></Relationships>"#;
        let bytes = write_stored(&[
            ("xl/workbook.xml", workbook.as_bytes().to_vec()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes().to_vec()),
            ("xl/sharedStrings.xml", shared.as_bytes().to_vec()),
            ("xl/worksheets/data.xml", sheet.as_bytes().to_vec()),
        ]);
        let rows = read_xlsx(&bytes).unwrap();
        assert_eq!(rows[0], vec!["客户ID", "", "备注"]);
        assert_eq!(rows[1], Vec::<String>::new());
        assert_eq!(rows[2], vec!["", "x & y", "TRUE", "1234567890123"]);
    }

    #[test]
    fn a_csv_is_not_an_xlsx() {
        assert_eq!(read_xlsx(b"id\n1").unwrap_err(), SheetError::NotXlsx);
    }
}
