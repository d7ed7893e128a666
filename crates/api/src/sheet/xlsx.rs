//! XLSX (Office Open XML spreadsheet) reading of the first worksheet. Writing is in
//! [`super::xlsx_write`].

use super::xml::{elements, text_of, unescape};
use super::zip::Archive;
use super::{trim_trailing_blank_rows, Rows, SheetError};

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

pub(crate) fn column_name(mut index: usize) -> String {
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

#[cfg(test)]
mod tests {
    use super::super::xlsx_write::{write_xlsx, Cell};
    use super::super::zip::write_stored;
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
