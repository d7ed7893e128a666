//! The table demo (development only).

crate::texts! {
    DEV;
    DevExpiredLocked => "已过期的资源不能标记", "Expired resources cannot be flagged";
    DevTableTitle => "表格演示(开发用)", "Table demo (development)";
    DevTableIntro => "在浏览器中生成的客户端数据,用于表格的端到端测试和性能基准。", "Client-side rows generated in the browser, for the table's end-to-end tests and benchmarks.";
    DevColName => "名称", "Name";
    DevColEmail => "邮箱", "E-mail";
    DevColPhone => "手机号", "Phone";
    DevStatusRunning => "运行中", "Running";
    DevStatusStopped => "已停止", "Stopped";
    DevFilterName => "名称/邮箱", "Name or e-mail";
    DevFilterNamePlaceholder => "输入名称或邮箱搜索", "Search by name or e-mail";
    DevOpen => "打开", "Open";
    DevEmptyNone => "还没有数据。", "There are no rows yet.";
    DevEmptyFiltered => "没有符合筛选条件的行。", "No rows match these filters.";
    DevEmptyRestricted => "您的角色无权查看这些行。", "Your role does not allow you to see these rows.";
    DevFlag => "标记", "Flag";
}

crate::templates! {
    DEV_TEMPLATES;
    DevFlagged { n } => "已标记 {n} 行", "Flagged {n} rows", one n: "Flagged {n} row";
    DevOpened { id } => "已打开:{id}", "Opened: {id}";
}
