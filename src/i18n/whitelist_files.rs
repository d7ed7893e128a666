//! Reading whitelist files: why a file cannot be read, where its table was found, and why a
//! row of it is refused (docs/contracts/whitelist.md, "Reading files"), each with what to do.

crate::texts! {
    WHITELIST_FILES;
    WlNotXlsx => "这不是 Excel 工作簿(.xlsx)", "This is not an Excel workbook (.xlsx)";
    WlNotXlsxHint => "请在 Excel 或 WPS 中打开,另存为 .xlsx 或 CSV(UTF-8)后再导入。", "Open it in Excel or WPS, save it as .xlsx or CSV (UTF-8), and import that.";
    WlDamagedHint => "请在 Excel 或 WPS 中重新另存为 .xlsx,或重新导出后再试。", "Save it again as .xlsx in Excel or WPS, or export it again, and retry.";
    WlTooLargeUnpacked => "工作簿解压后过大,无法读取", "The workbook is too large when unpacked";
    WlTooLargeUnpackedHint => "每个工作表解压后不能超过 64 MB。请删去多余的工作表、列或格式,或把名单拆成几个文件。", "Each sheet may unpack to at most 64 MB. Remove extra sheets, columns or formatting, or split the list into several files.";
    WlNoSheet => "工作簿中没有工作表", "The workbook has no worksheet";
    WlNoSheetHint => "请添加一个包含“客户ID”或“账号名”列的工作表。", "Add a sheet with a Customer ID or an Account name column.";
    WlQuoteHint => "在该值末尾补上英文引号 \",或删去多余的引号,保存后重新选择文件。", "Close the quote (\") at the end of that value, or remove the stray quote, then save and choose the file again.";
    WlOldExcel => "这是旧版 Excel 文件(.xls 或其他 Office 97–2003 文档)", "This is an old Excel file (.xls or another Office 97–2003 document)";
    WlOldExcelHint => "请在 Excel 或 WPS 中另存为 .xlsx 后再导入。", "Save it as .xlsx in Excel or WPS, then import that.";
    WlNotText => "这不是 CSV 或 Excel 文件", "This is not a CSV or Excel file";
    WlNotTextHint => "请选择 .csv 或 .xlsx 文件,可先下载模板。", "Choose a .csv or .xlsx file; the template shows the layout.";
    WlDuplicateColumnHint => "请删去或重命名多余的列,或在下方指定要用的列。", "Remove or rename the extra column, or choose the columns to use below.";
    WlHeaderRow => "表头所在行", "Header row";
    WlRowIdLooksLikeName => "这像是账号名,不是客户ID:请把它放到“账号名”列", "This looks like an account name, not a customer ID: put it in the account-name column";
    WlRowStoredAsNumber => "此值以数字保存,已丢失位数:请把该列设为文本格式后重新填写", "This value was stored as a number and has lost digits: format the column as text and enter it again";
    WlRowDateCell => "单元格是日期,不是文本:请把该列设为文本格式后重新填写", "The cell holds a date, not text: format the column as text and enter the value again";
    WlRowBoolCell => "单元格是 TRUE/FALSE 逻辑值,不是文本:请把该列设为文本格式后重新填写", "The cell holds TRUE/FALSE, not text: format the column as text and enter the value again";
    WlRowBadQuotes => "此行的引号不成对:含逗号或引号的值要整体放在英文引号中,值里的引号写成两个(\"\")", "The quotes in this row are malformed: put a value holding commas or quotes in quotes, and double each quote inside it (\"\")";
    WlRowBadEncoding => "此行含有无法识别的字符(可能是从其他编码的文件粘贴进来的):请检查该行并把文件另存为 UTF-8", "This row holds characters that cannot be read (pasted from a file in another encoding?): check the row and save the file as UTF-8";
}

crate::templates! {
    WHITELIST_FILES_TEMPLATES;
    WlDamaged { part } => "文件已损坏,无法读取({part})", "The file is damaged and cannot be read ({part})";
    WlUnterminatedQuote { line } => "第 {line} 行开始的引号没有闭合", "The quote opened on line {line} is never closed";
    WlDuplicateColumn { column, letters } => "“{column}”列出现了不止一次(第 {letters} 列),无法确定使用哪一列", "The column “{column}” appears more than once (columns {letters}), so which one is meant cannot be told";
    WlFoundSheet { sheet, row } => "已读取工作表“{sheet}”,表头在第 {row} 行。", "Read sheet “{sheet}”, with the header in row {row}.";
    WlFoundRow { row } => "表头在第 {row} 行。", "The header is in row {row}.";
    WlValueCut { text, n } => "{text}…(共 {n} 个字符)", "{text}… ({n} characters)";
    WlRowIdLength { n } => "客户ID应为 32 位十六进制字符,此值为 {n} 位", "A customer ID has 32 hex characters; this one has {n}";
    WlRowIdNotHex { c } => "客户ID只能包含 0–9 和 a–f,此值含有“{c}”", "A customer ID holds only 0–9 and a–f; this one has “{c}”";
    WlRowIdInvisible { code } => "客户ID中有空格或看不见的字符({code}):请删除后重新输入", "The customer ID holds a space or an invisible character ({code}): delete it and type the ID again";
    WlRowFormula { formula } => "单元格是公式({formula}),不是填写的值:请复制该列后“选择性粘贴 › 数值”", "The cell is a formula ({formula}), not a typed value: copy the column and paste it as values";
    WlRowCellError { value } => "单元格是错误值 {value}:请修正后重新保存", "The cell holds the error value {value}: fix it and save again";
    WlRowExtraFields { extra } => "值比表头的列多(多出:{extra}):值中是否有未加引号的逗号?", "More values than the header has columns (extra: {extra}): is there an unquoted comma in a value?";
}
