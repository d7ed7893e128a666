//! The data table: selection, columns, export, row values.

crate::texts! {
    TABLE;
    ClearSelection => "清除选择", "Clear selection";
    SelectPage => "选择本页全部行", "Select all rows on this page";
    SelectAllRows => "选择全部行", "Select all rows";
    SelectRow => "选择此行", "Select this row";
    Columns => "列设置", "Columns";
    ColumnsTitle => "显示和排列列", "Show and arrange columns";
    MoveUp => "上移", "Move up";
    MoveDown => "下移", "Move down";
    ResetColumns => "恢复默认", "Reset to default";
    ResizeColumn => "调整列宽", "Resize column";
    SortHint => "单击排序,Shift+单击添加次要排序", "Click to sort; Shift+click adds a secondary sort";
    ExportCsv => "导出 CSV", "Export CSV";
    SelectionSkipsBlocked => "(不可选的行不计入)", "(rows that cannot be selected are left out)";
    ExportXlsx => "导出 Excel", "Export Excel";
    ExportFull => "导出完整信息", "Full values in export";
    ExportFullHint => "不勾选时，账号名、邮箱和手机号按页面上的脱敏形式导出", "Unticked, account names, e-mail addresses and phone numbers are exported masked as shown";
    ExportPreparing => "正在准备导出…", "Preparing the export…";
    ExportFailed => "导出失败", "The export failed";
    ExportCancelled => "已取消导出", "Export cancelled";
    CancelExport => "取消导出", "Cancel export";
    Actions => "操作", "Actions";
    ViewDetails => "详情", "Details";
    ShowValue => "显示完整内容", "Show the full value";
    HideValue => "隐藏内容", "Hide the value";
    ShowColumnValues => "显示整列完整内容", "Show all values in this column";
    HideColumnValues => "隐藏整列内容", "Hide all values in this column";
    Copy => "复制", "Copy";
    Copied => "已复制", "Copied";
    CopyFailed => "复制失败", "Copy failed";
}

crate::templates! {
    TABLE_TEMPLATES;
    TableTotal { n } => "共 {n} 条", "{n} rows", one n: "{n} row";
    CurrencyOf { col } => "{col}(币种)", "{col} (currency)";
    PageNumberOf { pages } => "页码(共 {pages} 页)", "Page number (of {pages})";
    SelectedCount { n } => "已选 {n} 项", "{n} selected";
    SelectAllMatching { n } => "选择全部 {n} 条符合条件的记录", "Select all {n} matching the filter";
    PreparingSelection { done, total } => "正在准备所选行 {done} / {total}", "Preparing the selected rows: {done} of {total}";
    ExportProgress { done, total } => "已导出 {done} / {total} 行", "Exported {done} of {total} rows";
    ExportDone { n } => "已导出 {n} 行", "Exported {n} rows", one n: "Exported {n} row";
}
