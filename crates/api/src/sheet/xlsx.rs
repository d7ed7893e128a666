//! XLSX (Office Open XML spreadsheet) reading of the first worksheet. Writing is in
//! [`super::xlsx_write`].

use super::xml::{elements, first, text_of, unescape};
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

/// Column index 0 → `"A"`, 27 → `"AB"`.
pub fn column_name(mut index: usize) -> String {
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
    Ok(read_xlsx_table(bytes, index)?.rows)
}

/// What a cell held besides text, where its text alone would mislead: a formula's cached
/// value is not what the person typed, a number has lost what Excel could not keep, a date is
/// a serial number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellKind {
    /// A number (its text is Excel's stored value, e.g. `1.2345678901234568E+31`).
    Number,
    /// A number formatted as a date or time.
    Date,
    /// TRUE / FALSE.
    Bool,
    /// An error value (`#N/A`, `#REF!`): the text.
    Error,
    /// A formula: its text (empty for the followers of a shared formula).
    Formula(String),
}

/// A cell that was not plain text: 0-based row and column of [`Sheet::rows`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellNote {
    pub row: usize,
    pub col: usize,
    pub kind: CellKind,
}

/// A worksheet as read: the cell texts and, sorted by (row, column), the cells that were not
/// plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Rows,
    pub notes: Vec<CellNote>,
}

/// Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the CJK ones).
fn builtin_date_format(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// A custom format code shows a date or time: it has y, m, d, h or s outside quotes, escapes
/// and brackets (colours, conditions, locales).
fn date_format_code(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// For each cell style (`s="N"` of a cell), whether it shows a date.
fn date_styles(archive: &Archive) -> Result<Vec<bool>, SheetError> {
    let Some(styles) = archive.read_text("xl/styles.xml")? else { return Ok(Vec::new()) };
    let custom: Vec<(u32, bool)> = elements(&styles, "numFmt")
        .iter()
        .filter_map(|f| Some((f.attr("numFmtId")?.parse().ok()?, date_format_code(&f.attr("formatCode")?))))
        .collect();
    let Some(xfs) = elements(&styles, "cellXfs").into_iter().next() else { return Ok(Vec::new()) };
    Ok(elements(xfs.inner, "xf")
        .iter()
        .map(|xf| {
            let id: u32 = xf.attr("numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
            custom.iter().find(|(c, _)| *c == id).map_or_else(|| builtin_date_format(id), |(_, date)| *date)
        })
        .collect())
}

/// Worksheet `index` (0 = the first) with its notes.
pub fn read_xlsx_table(bytes: &[u8], index: usize) -> Result<Sheet, SheetError> {
    let archive = Archive::open(bytes)?;
    if !archive.has("xl/workbook.xml") {
        return Err(SheetError::NotXlsx);
    }
    let shared: Vec<String> = match archive.read_text("xl/sharedStrings.xml")? {
        Some(xml) => elements(&xml, "si").iter().map(|si| text_of(si.inner)).collect(),
        None => Vec::new(),
    };
    let dates = date_styles(&archive)?;
    let path = sheet_path(&archive, index)?;
    let sheet = archive.read_text(&path)?.ok_or(SheetError::NoSheet)?;
    let mut rows: Rows = Vec::new();
    let mut notes: Vec<CellNote> = Vec::new();
    for row in elements(&sheet, "row") {
        let index = row.attr("r").and_then(|r| r.parse::<usize>().ok()).map_or(rows.len(), |r| r.saturating_sub(1));
        // Rows may skip numbers (empty rows are not written): keep positions.
        while rows.len() < index {
            rows.push(Vec::new());
        }
        let mut cells: Vec<String> = Vec::new();
        for c in elements(row.inner, "c") {
            let col = c.attr("r").and_then(|r| column_of(&r)).unwrap_or(cells.len());
            let value = || first(c.inner, "v").map(|v| unescape(v.inner)).unwrap_or_default();
            let kind = c.attr("t");
            let text = match kind.as_deref() {
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
            let formula = first(c.inner, "f").map(|f| unescape(f.inner));
            let note = match (formula, kind.as_deref()) {
                (Some(f), _) => Some(CellKind::Formula(f)),
                (None, Some("e")) => Some(CellKind::Error),
                (None, Some("b")) => Some(CellKind::Bool),
                (None, None | Some("n")) if !text.is_empty() => {
                    let style = c.attr("s").and_then(|s| s.parse::<usize>().ok());
                    Some(if style.is_some_and(|s| dates.get(s) == Some(&true)) {
                        CellKind::Date
                    } else {
                        CellKind::Number
                    })
                }
                _ => None,
            };
            if let Some(kind) = note {
                notes.push(CellNote { row: index, col, kind });
            }
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
    notes.sort_by_key(|n| (n.row, n.col));
    Ok(Sheet { rows: trim_trailing_blank_rows(rows), notes })
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
    fn formulas_errors_numbers_dates_and_booleans_are_noted() {
        let sheet = r#"<worksheet><sheetData><row r="1">
            <c r="A1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>
            <c r="B1" t="e"><f>VLOOKUP(A1,X!A:B,2,0)</f><v>#N/A</v></c>
            <c r="C1" t="e"><v>#REF!</v></c>
            <c r="D1"><v>1.2345678901234568E+31</v></c>
            <c r="E1" s="1"><v>46000</v></c>
            <c r="F1" s="2"><v>46000.5</v></c>
            <c r="G1" t="b"><v>0</v></c>
            <c r="H1" t="s"><v>0</v></c>
            <c r="I1" s="3"><v>7</v></c>
        </row></sheetData></worksheet>"#;
        let styles = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/>
            <numFmt numFmtId="165" formatCode="&quot;day&quot; 0"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>"#;
        let workbook = r#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let bytes = write_stored(&[
            ("xl/workbook.xml", workbook.as_bytes().to_vec()),
            ("xl/sharedStrings.xml", b"<sst><si><t>text</t></si></sst>".to_vec()),
            ("xl/styles.xml", styles.as_bytes().to_vec()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes().to_vec()),
        ]);
        let t = read_xlsx_table(&bytes, 0).unwrap();
        assert_eq!(
            t.rows[0],
            vec!["ab", "#N/A", "#REF!", "1.2345678901234568E+31", "46000", "46000.5", "FALSE", "text", "7"]
        );
        let kinds: Vec<(usize, CellKind)> = t.notes.into_iter().map(|n| (n.col, n.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (0, CellKind::Formula("CONCAT(\"a\",\"b\")".into())),
                (1, CellKind::Formula("VLOOKUP(A1,X!A:B,2,0)".into())),
                (2, CellKind::Error),
                (3, CellKind::Number),
                (4, CellKind::Date),
                (5, CellKind::Date),
                (6, CellKind::Bool),
                (8, CellKind::Number),
            ]
        );
    }

    #[test]
    fn a_zip_that_is_no_workbook_is_not_an_xlsx() {
        let docx = write_stored(&[("word/document.xml", b"<w:document/>".to_vec())]);
        assert_eq!(read_xlsx(&docx).unwrap_err(), SheetError::NotXlsx);
    }

    #[test]
    fn a_csv_is_not_an_xlsx() {
        assert_eq!(read_xlsx(b"id\n1").unwrap_err(), SheetError::NotXlsx);
    }
}
