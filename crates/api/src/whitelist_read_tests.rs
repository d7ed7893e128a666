use super::*;
use crate::sheet::{write_xlsx, Cell};
use crate::whitelist::RowProblem;
#[allow(unused_imports)]
use crate::whitelist_file::Layout;

fn gb18030(bytes: &[u8]) -> Result<String, String> {
    Ok(encoding_rs::GB18030.decode(bytes).0.into_owned())
}

fn read_bytes(req: &ReadRequest, bytes: &[u8]) -> (ReadOutcome, Vec<String>) {
    read(req, bytes.to_vec(), &gb18030, &mut |_, _| {})
}

fn id(n: u32) -> String {
    format!("{n:032x}")
}

fn text(rows: &[&[&str]]) -> Vec<Vec<Cell>> {
    rows.iter().map(|r| r.iter().map(|c| Cell::Text(c.to_string())).collect()).collect()
}

#[test]
fn csv_gives_a_summary_and_chunks_of_upload_rows() {
    let mut text = String::from("Customer ID,Remark\n");
    for i in 0..12_001 {
        text.push_str(&format!("{},r\n", id(i)));
    }
    text.push_str(&format!("\n{},dup\n", id(0)));
    let (out, chunks) = read_bytes(&ReadRequest::default(), text.as_bytes());
    let ReadOutcome::Read(s) = out else { panic!("{out:?}") };
    assert_eq!((s.valid_rows, s.blank_rows, s.problems.len()), (12_001, 1, 1));
    assert_eq!(s.problems[0].value, format!("{} · dup", id(0)));
    assert_eq!(s.problems[0].row.remark.as_deref(), Some("dup"));
    assert_eq!(s.problems[0].error.row_no, 12_004);
    assert_eq!(chunks.len(), 3);
    let first: Vec<UploadRow> = serde_json::from_str(&chunks[0]).unwrap();
    assert_eq!((first.len(), first[0].row_no, first[0].customer_id.clone()), (5_000, 2, Some(id(0))));
    let last: Vec<UploadRow> = serde_json::from_str(&chunks[2]).unwrap();
    assert_eq!(last.len(), 2_001);
    // The outcome travels as JSON.
    let back: ReadOutcome =
        serde_json::from_str(&serde_json::to_string(&ReadOutcome::Read(s.clone())).unwrap()).unwrap();
    assert_eq!(back, ReadOutcome::Read(s));
}

#[test]
fn normalised_ids_are_what_is_uploaded() {
    let (out, chunks) =
        read_bytes(&ReadRequest::default(), format!("客户ID\n  {}  \n", id(9).to_uppercase()).as_bytes());
    assert!(matches!(out, ReadOutcome::Read(ReadSummary { valid_rows: 1, .. })), "{out:?}");
    let rows: Vec<UploadRow> = serde_json::from_str(&chunks[0]).unwrap();
    assert_eq!(rows[0].customer_id, Some(id(9)));
}

#[test]
fn problems_keep_the_headers_and_sheets_for_mapping_and_choosing() {
    let bytes = write_xlsx("Data", &text(&[&["name"], &["x"]]));
    let (out, chunks) = read_bytes(&ReadRequest::default(), &bytes);
    assert!(chunks.is_empty());
    let ReadOutcome::Problem { problem, found } = out else { panic!() };
    assert!(matches!(problem, FileProblem::NoKnownColumns { .. }));
    assert_eq!((found.sheets, found.headers), (vec!["Data".to_string()], vec!["name".to_string()]));
    let req = ReadRequest {
        layout: Layout { mapping: Some(Mapping { account_name: Some(0), ..Default::default() }), header_row: None },
        ..Default::default()
    };
    let (out, chunks) = read_bytes(&req, &bytes);
    assert!(matches!(out, ReadOutcome::Read(ReadSummary { valid_rows: 1, .. })), "{out:?}");
    assert_eq!(chunks.len(), 1);
    let (out, _) = read_bytes(&ReadRequest::default(), b"a\n\"open");
    assert_eq!(out, ReadOutcome::Unreadable(SheetError::UnterminatedQuote { line: 2 }));
}

#[test]
fn the_sheet_with_the_table_is_found_behind_an_instructions_sheet() {
    use crate::sheet::testkit::{text as t, workbook, RawSheet};
    let sheet = |name: &str, rows: Vec<Vec<&str>>, merged: Vec<String>| RawSheet {
        name: name.into(),
        rows: rows.into_iter().map(|r| r.into_iter().map(t).collect()).collect(),
        merged,
    };
    let first = id(1);
    let bytes = workbook(&[
        sheet("填写说明", vec![vec!["请在“名单”工作表中填写客户"], vec!["客户ID 为 32 位"]], vec![]),
        sheet(
            "名单",
            vec![vec!["客户白名单（2026）"], vec!["客户账号ID", "备注"], vec![&first, "甲"]],
            vec!["A1:B1".into()],
        ),
    ]);
    let (out, _) = read_bytes(&ReadRequest::default(), &bytes);
    let ReadOutcome::Read(s) = out else { panic!("{out:?}") };
    assert_eq!((s.found.sheet, s.found.header_row, s.valid_rows), (1, 1, 1));
    assert_eq!(s.found.headers, vec!["客户账号ID", "备注"]);
    // Asked for the first sheet, the person gets it (and the mapping offer).
    let (out, _) = read_bytes(&ReadRequest { sheet: Some(0), ..Default::default() }, &bytes);
    assert!(matches!(
        out,
        ReadOutcome::Problem { problem: FileProblem::NoKnownColumns { .. }, found: Found { sheet: 0, .. } }
    ));
}

#[test]
fn encodings() {
    // UTF-16LE with a BOM, tab-separated: Excel's "Unicode text".
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(format!("客户ID\t备注\r\n{}\t华东\r\n", id(1)).encode_utf16().flat_map(u16::to_le_bytes));
    let (out, _) = read_bytes(&ReadRequest::default(), &utf16);
    let ReadOutcome::Read(s) = out else { panic!("{out:?}") };
    assert_eq!((s.valid_rows, s.found.headers.clone()), (1, vec!["客户ID".to_string(), "备注".to_string()]));
    // UTF-8 with one row pasted in GBK: the header stays readable, that row is refused.
    let mut mixed = format!("客户ID,账号名,备注\n{},北京账号,华东\n", id(1)).into_bytes();
    mixed.extend(b",\xB1\xB1\xBE\xA9,x\n");
    let (out, _) = read_bytes(&ReadRequest::default(), &mixed);
    let ReadOutcome::Read(s) = out else { panic!("{out:?}") };
    assert_eq!(s.found.headers[1], "账号名");
    assert_eq!(
        s.problems.iter().map(|p| (p.error.row_no, p.error.kind)).collect::<Vec<_>>(),
        vec![(3, RowProblem::BadEncoding)]
    );
    // All GBK: decoded as GB18030.
    let gbk = encoding_rs::GBK.encode("账号名,备注\n北方账号,x\n").0.into_owned();
    let (out, _) = read_bytes(&ReadRequest::default(), &gbk);
    assert!(matches!(out, ReadOutcome::Read(ReadSummary { valid_rows: 1, .. })), "{out:?}");
    // Not text at all.
    let (out, _) =
        read_bytes(&ReadRequest { name: "list.csv".into(), ..Default::default() }, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(out, ReadOutcome::Unreadable(SheetError::NotText));
}
