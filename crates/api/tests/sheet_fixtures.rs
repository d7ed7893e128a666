//! Spreadsheets made by other tools read correctly, and ours open in them.

use partner_api::sheet::{read_xlsx, write_xlsx, Cell};

#[test]
fn reads_a_workbook_written_by_openpyxl() {
    let bytes = include_bytes!("fixtures/whitelist-openpyxl.xlsx");
    let rows = read_xlsx(bytes).unwrap();
    assert_eq!(rows[0], vec!["客户ID", "账号名", "备注"]);
    assert_eq!(rows[1], vec!["0a1b2c3d4e5f", "shanghai_ruike_tech_0042", "重点客户"]);
    assert_eq!(rows[2], vec!["", "northwind-analytics-17", "VIP, 2026"]);
    assert_eq!(rows[3][0], "1234567890123");
    // A formula is never evaluated: with no cached value its row is blank, and trailing blank
    // rows are dropped.
    assert_eq!(rows.len(), 4);
}

#[test]
fn our_workbook_is_a_valid_zip_with_the_parts_excel_needs() {
    let bytes = write_xlsx("Template", &[vec![Cell::Text("Customer ID".into())], vec![Cell::Text("c1".into())]]);
    for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"] {
        assert!(bytes.windows(part.len()).any(|w| w == part.as_bytes()), "{part}");
    }
}
