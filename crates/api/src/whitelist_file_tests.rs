use super::*;
use crate::sheet::{read_csv, read_csv_table, Rows};

fn rows(text: &str) -> Rows {
    read_csv(text).unwrap()
}

/// A valid id made from a number.
fn id(n: u32) -> String {
    format!("{n:032x}")
}

fn kinds(p: &ParsedFile) -> Vec<(u32, RowProblem, Option<&str>)> {
    p.errors.iter().map(|e| (e.row_no, e.kind, e.value.as_deref())).collect()
}

#[test]
fn headers_in_either_language_and_row_numbers() {
    let text = format!("Account Name,Customer ID,Remark\nacme,,vip\n,{},\n\nbeta,{},x\n", id(2), id(3));
    let p = parse(&rows(&text)).unwrap();
    assert_eq!(p.errors, vec![]);
    assert_eq!(p.rows.len(), 3);
    assert_eq!((p.rows[0].row_no, p.rows[0].account_name.as_deref()), (2, Some("acme")));
    assert_eq!((p.rows[1].row_no, p.rows[1].customer_id.as_deref()), (3, Some(id(2).as_str())));
    assert_eq!(p.rows[2].row_no, 5, "blank lines keep the spreadsheet's numbering");
    let p = parse(&rows(&format!("客户账号ID,备注\n{},重点\n", id(1)))).unwrap();
    assert_eq!(p.rows[0].remark.as_deref(), Some("重点"));
}

#[test]
fn ids_are_normalised_then_checked_and_duplicates_found_on_the_normal_form() {
    let upper = id(0xabc).to_uppercase();
    let full: String = id(0xdef).chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect();
    let text = format!(
        "客户ID,账号名\n{}\n{upper}\n{}\n{full}\n{}\nacme_cloud_01\n1.23457E+31\n{}\u{200B}{}\n",
        id(0xabc),
        &id(1)[..30],
        id(0xdef),
        &id(2)[..16],
        &id(2)[16..]
    );
    let p = parse(&rows(&text)).unwrap();
    assert_eq!(
        p.rows.iter().map(|r| (r.row_no, r.customer_id.clone().unwrap())).collect::<Vec<_>>(),
        vec![(2, id(0xabc)), (5, id(0xdef))]
    );
    assert_eq!(
        kinds(&p),
        vec![
            (3, RowProblem::Duplicate, Some("2")),
            (4, RowProblem::IdLength, Some("30")),
            (6, RowProblem::Duplicate, Some("5")),
            (7, RowProblem::IdLooksLikeName, Some("acme_cloud_01")),
            (8, RowProblem::StoredAsNumber, Some("1.23457E+31")),
            (9, RowProblem::IdInvisible, Some("U+200B")),
        ]
    );
}

#[test]
fn per_row_problems() {
    let long = "x".repeat(65);
    let p = parse(&rows(&format!("客户ID,账号名\n,\n{},a\n{long},\n{},b\n,A\n,a\n", id(1), id(1)))).unwrap();
    // Row 2 is blank (skipped); row 3 ok; 4 too long; 5 duplicate id of row 3; 6 ok (name A);
    // 7 duplicate name of row 6 (case-insensitive).
    let found: Vec<(u32, &str, Option<&str>)> =
        p.errors.iter().map(|e| (e.row_no, e.error_code.as_str(), e.value.as_deref())).collect();
    assert_eq!(
        found,
        vec![
            (4, codes::PARAM_ERROR, Some(long.as_str())),
            (5, codes::DUPLICATE_ROW, Some("3")),
            (7, codes::DUPLICATE_ROW, Some("6")),
        ]
    );
    assert_eq!(p.rows.iter().map(|r| r.row_no).collect::<Vec<_>>(), vec![3, 6]);
    let p = parse(&rows("客户ID,账号名,备注\n,,only a remark\n")).unwrap();
    assert_eq!(p.errors[0].row_no, 2);
}

#[test]
fn invisible_characters_in_names_and_remarks() {
    let text = "账号名,备注\nev\u{202E}il,\nok,\"two\nlines\"\nok2,a\u{200B}b\nok3,👨\u{200D}💻\n";
    let p = parse(&rows(text)).unwrap();
    assert_eq!(
        kinds(&p),
        vec![(2, RowProblem::ControlChars, Some("ev\u{fffd}il")), (4, RowProblem::ControlChars, Some("a\u{fffd}b"))]
    );
    assert_eq!(p.rows.iter().map(|r| r.row_no).collect::<Vec<_>>(), vec![3, 5]);
}

#[test]
fn a_title_row_above_the_header_and_a_chosen_header_row() {
    let text = format!("2026 客户白名单,,\n,,\n客户账号ID,客户账号名,备注\n{},,x\n", id(7));
    let r = rows(&text);
    let mut valid = Vec::new();
    let c = check_rows(&r, CellFacts::default(), Layout::default(), &mut |_, _| {}, &mut |v| valid.push(v.to_owned()))
        .unwrap();
    assert_eq!((c.header_row, c.mapping.customer_id, c.mapping.remark), (2, Some(0), Some(2)));
    assert_eq!((valid.len(), valid[0].row_no), (1, 4));
    assert_eq!(c.blank_rows, 0, "rows above the header are not data");
    // The person says the header is row 1: its title names no column.
    let chosen = Layout { header_row: Some(0), mapping: None };
    assert!(matches!(
        parse_with(&r, CellFacts::default(), chosen, &mut |_, _| {}),
        Err(FileProblem::NoKnownColumns { .. })
    ));
}

#[test]
fn extra_values_stray_quotes_and_a_column_named_twice() {
    let text = format!("客户ID,账号名,备注\n{},acme_two,x,extra-value\n,ab\"c,\n,fine,\n", id(1));
    let table = read_csv_table(&text).unwrap();
    let facts = CellFacts { notes: &[], bad_quotes: table.bad_quote_rows() };
    let p = parse_with(&table.rows(), facts, Layout::default(), &mut |_, _| {}).unwrap();
    assert_eq!(kinds(&p), vec![(2, RowProblem::ExtraFields, Some("extra-value")), (3, RowProblem::BadQuotes, None)]);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(
        parse(&rows("客户ID,账号名,客户ID\nx,y,z\n")),
        Err(FileProblem::DuplicateColumn { field: Field::CustomerId, columns: vec!["A".into(), "C".into()] })
    );
    // A mapping chosen by the person settles which column is meant.
    let m = Mapping { customer_id: Some(2), ..Default::default() };
    let layout = Layout { header_row: None, mapping: Some(m) };
    let p = parse_with(
        &rows(&format!("客户ID,账号名,客户ID\nx,y,{}\n", id(3))),
        CellFacts::default(),
        layout,
        &mut |_, _| {},
    );
    assert_eq!(p.unwrap().rows[0].customer_id, Some(id(3)));
}

#[test]
fn excel_cells_that_are_not_text() {
    let r: Vec<Vec<String>> = [
        vec!["客户ID", "账号名", "备注"],
        vec!["1.2345678901234568E+31", "", ""],
        vec!["", "#N/A", ""],
        vec![&id(1), "", "x"],
        vec!["", "46000", ""],
        vec!["", "TRUE", ""],
        vec!["", "12345", "42"],
        vec!["", "123456789012345678", ""],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let note = |row, col, kind| CellNote { row, col, kind };
    let notes = vec![
        note(1, 0, CellKind::Number),
        note(2, 1, CellKind::Formula("VLOOKUP(A3,客户!A:B,2,0)".into())),
        note(4, 1, CellKind::Date),
        note(5, 1, CellKind::Bool),
        note(6, 1, CellKind::Number),
        note(6, 2, CellKind::Number),
        note(7, 1, CellKind::Number),
    ];
    let facts = CellFacts { notes: &notes, bad_quotes: &[] };
    let p = parse_with(&r, facts, Layout::default(), &mut |_, _| {}).unwrap();
    assert_eq!(
        kinds(&p),
        vec![
            (2, RowProblem::StoredAsNumber, Some("1.2345678901234568E+31")),
            (3, RowProblem::Formula, Some("=VLOOKUP(A3,客户!A:B,2,0)")),
            (5, RowProblem::DateCell, Some("46000")),
            (6, RowProblem::BoolCell, Some("TRUE")),
            (8, RowProblem::StoredAsNumber, Some("123456789012345678")),
        ]
    );
    // A short whole number in the name column, and any number in the remark, are their text.
    assert_eq!(p.rows.iter().map(|r| r.row_no).collect::<Vec<_>>(), vec![4, 7]);
}

#[test]
fn damaged_encoding_refuses_the_row_not_the_file() {
    let p = parse(&rows(&format!("客户ID,账号名\n{},\n,\u{fffd}\u{fffd}账号\n", id(1)))).unwrap();
    assert_eq!(kinds(&p), vec![(3, RowProblem::BadEncoding, None)]);
}

#[test]
fn chosen_columns_win_over_headers_and_progress_is_reported() {
    let r = rows(&format!("名称,编号,说明\nacme,{},x\nbeta,{},\n", id(1), id(2)));
    assert!(matches!(parse(&r), Err(FileProblem::NoKnownColumns { .. })));
    let m = Mapping { customer_id: Some(1), account_name: None, remark: Some(2) };
    let mut seen = Vec::new();
    let layout = Layout { header_row: None, mapping: Some(m) };
    let p = parse_with(&r, CellFacts::default(), layout, &mut |done, total| seen.push((done, total))).unwrap();
    assert_eq!(p.rows[0].customer_id, Some(id(1)));
    assert_eq!(p.rows[0].remark.as_deref(), Some("x"));
    assert_eq!(seen, vec![(0, 2), (2, 2)]);
    // A mapping without a key column falls back to the headers.
    let none = Layout { header_row: None, mapping: Some(Mapping::default()) };
    assert!(parse_with(&r, CellFacts::default(), none, &mut |_, _| {}).is_err());
}

#[test]
fn file_level_problems() {
    assert_eq!(parse::<Vec<String>, String>(&[]), Err(FileProblem::Empty));
    assert_eq!(parse(&rows("客户ID,备注\n")), Err(FileProblem::Empty));
    assert_eq!(
        parse(&rows("name,phone\nx,1")),
        Err(FileProblem::NoKnownColumns { found: vec!["name".into(), "phone".into()] })
    );
    let big = format!("客户ID\n{}", (0..200_001).map(|i| format!("{}\n", id(i))).collect::<String>());
    assert_eq!(parse(&rows(&big)), Err(FileProblem::TooManyRows { rows: 200_001, max: 200_000 }));
    let most = format!("客户ID\n{}", (0..200_000).map(|i| format!("{}\n", id(i))).collect::<String>());
    assert_eq!(parse(&rows(&most)).unwrap().rows.len(), 200_000);
}

#[test]
fn files_over_20_mb_are_refused_before_reading() {
    assert_eq!(check_size(20 * 1024 * 1024), Ok(()));
    assert_eq!(
        check_size(20 * 1024 * 1024 + 1),
        Err(FileProblem::TooLarge { bytes: 20 * 1024 * 1024 + 1, max: 20 * 1024 * 1024 })
    );
}
