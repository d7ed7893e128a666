//! Every UI label in both languages. The zh-CN texts follow the console's own labels
//! (../shared/FEATURES.md).

use super::Locale;

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub fn text(self, locale: Locale) -> &'static str {
                match locale {
                    Locale::ZhCn => match self { $(Msg::$key => $zh),* },
                    Locale::En => match self { $(Msg::$key => $en),* },
                }
            }

            /// The text with `{n}` replaced (counts in labels).
            pub fn with_n(self, locale: Locale, n: impl std::fmt::Display) -> String {
                self.text(locale).replace("{n}", &n.to_string())
            }

            /// The text with `{n}` and `{t}` replaced ("{n} of {t}").
            pub fn with_n_t(self, locale: Locale, n: impl std::fmt::Display, t: impl std::fmt::Display) -> String {
                self.with_n(locale, n).replace("{t}", &t.to_string())
            }
        }
    };
}

messages! {
    AppName => "伙伴中心", "Partner Center";
    NavHome => "主页", "Home";
    NavOverview => "概览", "Overview";
    NavSales => "销售", "Sales";
    NavBenefits => "权益", "Benefits";
    NavDelivery => "交付", "Delivery";
    NavCustomers => "客户与商机", "Customers & opportunities";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "切换到英文", "Switch to Chinese";
    SignOut => "退出登录", "Sign out";
    SessionEnds => "会话结束于", "Session ends";
    SessionExpiringSoon => "您的会话将在几分钟内结束。请重新登录以继续,当前页面内容不会丢失。", "Your session ends in a few minutes. Sign in again to continue; nothing on this page will be lost.";
    SignInAgain => "重新登录", "Sign in again";
    SignInTitle => "登录伙伴中心", "Sign in to Partner Center";
    SignInIntro => "使用合作伙伴账号下的 IAM 用户登录。", "Sign in with an IAM user of your partner account.";
    Account => "账号名", "Account name";
    UserName => "IAM 用户名", "IAM user name";
    Password => "密码", "Password";
    StaySignedIn => "保持登录(仅限此浏览器标签页)", "Stay signed in (this browser tab only)";
    SignIn => "登录", "Sign in";
    SigningIn => "正在登录…", "Signing in…";
    FieldRequired => "请填写此项", "Please fill in this field";
    WrongCredentials => "账号名、用户名或密码错误。", "The account name, user name or password is wrong.";
    ReauthTitle => "会话已过期", "Your session has expired";
    ReauthIntro => "请重新输入密码。登录后将继续刚才的操作,页面上的内容都会保留。", "Enter your password again. What you were doing continues after sign-in and everything on the page is kept.";
    Cancel => "取消", "Cancel";
    Retry => "重试", "Retry";
    Search => "查询", "Search";
    Reset => "重置", "Reset";
    MoreFilters => "更多筛选", "More filters";
    FewerFilters => "收起筛选", "Fewer filters";
    All => "全部", "All";
    NSelected => "已选", "selected";
    Loading => "加载中…", "Loading…";
    Refresh => "刷新", "Refresh";
    ErrorCode => "错误码", "Error code";
    RequestId => "请求 ID", "Request ID";
    ErrorClientTitle => "请求未被接受", "The request was not accepted";
    ErrorServerTitle => "服务暂时出现故障", "The service failed";
    ErrorServerHint => "这不是您的操作问题。请稍后重试;如果问题持续,请将错误码和请求 ID 提供给技术支持。", "This is not something you did. Try again; if it keeps failing, give support the error code and request ID.";
    ErrorNetworkTitle => "无法连接到服务", "Cannot reach the service";
    ErrorNetworkHint => "请检查网络连接后重试。", "Check your network connection and try again.";
    ErrorTimeoutTitle => "请求超时", "The request timed out";
    ErrorForbiddenTitle => "没有权限", "Not allowed";
    ErrorUnauthorizedTitle => "需要重新登录", "Sign-in required";
    ErrorBusinessTitle => "操作未成功", "The operation did not succeed";
    ErrorThrottledTitle => "请求过于频繁", "Too many requests";
    ErrorFieldPrefix => "请检查:", "Please check: ";
    NewVersion => "伙伴中心已发布新版本。保存正在编辑的内容后,重新加载即可使用新版本。", "A new version of Partner Center is available. Save what you are editing, then reload to use it.";
    Reload => "重新加载", "Reload";
    EmbedWaiting => "正在等待门户完成登录…", "Waiting for the portal to sign you in…";
    NavOrders => "客户订单", "Customer orders";
    OrdersTitle => "客户订单 › 订单资源明细", "Customer orders › Order resource details";
    OrdersIntro => "名下客户的所有订单,以及订单开通的包年/包月资源。单击眼睛按钮可查看或隐藏字段的完整内容。", "All orders of your customers and the yearly/monthly resources they opened. The eye button shows or hides a field's full content.";
    OrdersTotal => "共 {n} 个订单", "{n} orders";
    ColOrderId => "订单号", "Order ID";
    ColService => "云服务类型", "Service";
    ColOrderType => "订单类型", "Order type";
    ColOrderStatus => "订单状态", "Status";
    ColOfficialAmount => "官网价", "List price";
    ColPaidAmount => "实付金额", "Amount paid";
    ColPaymentTime => "支付时间", "Paid at";
    FilterOrderIdPlaceholder => "输入完整订单号", "Full order ID";
    FilterCustomerIdPlaceholder => "输入客户 ID", "Customer ID";
    DateRangeTooLong => "时间跨度不能超过一年", "The range may span at most one year";
    EmptyOrders => "还没有订单。", "There are no orders yet.";
    EmptyOrdersFiltered => "没有符合筛选条件的订单。", "No orders match these filters.";
    OrderDetail => "订单详情", "Order details";
    OrderLineItems => "订单明细", "Order items";
    OrderResources => "订单资源明细", "Order resources";
    ColProduct => "产品规格", "Product";
    ColPeriod => "周期", "Period";
    ColQuantity => "数量", "Quantity";
    ColEffective => "生效时间", "Effective";
    ColExpire => "到期时间", "Expires";
    ColResourceId => "资源 ID", "Resource ID";
    ColResourceName => "资源名称", "Resource name";
    ColRegion => "区域", "Region";
    ColResourceStatus => "资源状态", "Resource status";
    ColExpirePolicy => "到期策略", "On expiry";
    ColMainResource => "主/附属", "Main/attached";
    MainResource => "主资源", "Main";
    AttachedResource => "附属资源", "Attached";
    NoResources => "该订单没有包年/包月资源。", "This order has no yearly/monthly resources.";
    NoLineItems => "该订单没有明细。", "This order has no items.";
    CreatedBy => "下单人", "Ordered by";
    OrderCoupons => "代金券抵扣", "Paid by vouchers";
    OrderCashCoupons => "现金券抵扣", "Paid by cash coupons";
    BannerIntlSite => "检测到您已登录华为云国际站账号,为了您更好的体验,建议您访问国际站服务网站。", "You are signed in with an international-site account. For the best experience, use the international site.";
    BannerDontShowAgain => "不再显示此消息", "Don't show again";
    NotFoundTitle => "页面不存在", "Page not found";
    NotFoundText => "您访问的页面不存在或尚未开放。", "The page you opened does not exist or is not available yet.";
    BackHome => "返回主页", "Back to home";
    Welcome => "欢迎回来", "Welcome back";
    HomeIntro => "从左侧导航进入各项业务。", "Use the navigation on the left to get to your work.";
    Partner => "合作伙伴", "Partner";
    Role => "角色", "Role";
    PartnerType => "伙伴类型", "Partner type";
    CustomersTitle => "客户与商机", "Customers & opportunities";
    CustomersIntro => "名下所有子客户和二级经销商关联的子客户,以及客户行业、商机类型、把握度、商机阶段、预计月流水和最近更新时间。", "All your sub-customers and those of your tier-2 resellers, with industry, opportunity type, confidence, stage, expected monthly revenue and last update.";
    NavWhitelist => "客户白名单", "Customer whitelist";
    WlTitle => "客户白名单", "Customer whitelist";
    WlIntro => "只有当前白名单版本中的客户才能被发放代金券和现金券。白名单不会被直接修改:每次导入或回滚都会生成一个新版本,历史版本随时可查。", "Vouchers and cash coupons can only be issued to customers on the current whitelist version. The whitelist is never edited in place: every import or roll back creates a new version, and earlier versions stay available.";
    WlImport => "导入新版本", "Import new version";
    WlDownloadTemplate => "下载模板", "Download template";
    WlTemplateFile => "客户白名单导入模板", "customer-whitelist-template";
    WlSheetName => "客户白名单", "Whitelist";
    WlNotAvailable => "客户白名单仅适用于经销商和二级经销商,服务伙伴没有客户白名单。", "The customer whitelist is for distributors and resellers only; service partners have none.";
    WlReadOnly => "您可以查看客户白名单。只有管理员和主管可以导入新版本或回滚版本,如需修改请联系他们。", "You can view the customer whitelist. Only administrators and supervisors can import a new version or roll back; ask one of them for changes.";
    WlCurrentVersion => "当前版本", "Current version";
    WlNoVersion => "还没有白名单版本。导入第一个版本后,这里会显示它。", "There is no whitelist version yet. Import the first one and it shows here.";
    WlNewVersion => "已生成新版本 V{n},现为当前版本。", "Version V{n} was created and is now current.";
    WlTabEntries => "白名单客户", "Customers on the list";
    WlTabHistory => "版本历史", "Version history";
    WlViewingVersion => "正在查看历史版本 V{n} 的客户。", "You are viewing the customers of version V{n}.";
    WlBackToCurrent => "返回当前版本", "Back to the current version";
    WlKeywordPlaceholder => "账号名、客户名称或客户ID", "Account name, customer name or ID";
    WlEmpty => "该版本中没有客户。", "This version has no customers.";
    WlEntriesTotal => "共 {n} 个客户", "{n} customers";
    WlVersionsTotal => "共 {n} 个版本", "{n} versions";
    WlColAssociation => "关联类型", "Association";
    WlColSince => "加入版本", "On the list since";
    WlColRemark => "备注", "Remark";
    WlColVersion => "版本", "Version";
    WlColSource => "来源", "Source";
    WlColFile => "文件名", "File name";
    WlColEntries => "客户数", "Customers";
    WlColAdded => "新增", "Added";
    WlColRemoved => "移除", "Removed";
    WlColBy => "操作人", "By";
    WlColTime => "时间", "Time";
    WlCurrentTag => "当前", "Current";
    WlSourceInitial => "初始版本", "Initial";
    WlSourceImport => "文件导入", "File import";
    WlSourceRollback => "回滚至 V{n}", "Roll back to V{n}";
    WlViewEntries => "查看客户", "View customers";
    WlRollback => "回滚到此版本", "Roll back to this version";
    WlRollbackTitle => "回滚到版本 V{n}", "Roll back to version V{n}";
    WlRollbackText => "将生成新版本 V{new},内容与 V{v} 相同({n} 个客户,含备注)。当前版本 V{c} 不会被删除,仍保留在版本历史中。新版本立即生效:之后发放代金券只能选择 V{v} 中的客户。", "This creates a new version V{new} with the same customers as V{v} ({n} customers, with their remarks). The current version V{c} is not deleted and stays in the history. The new version takes effect at once: vouchers can then only be issued to the customers of V{v}.";
    WlRollbackConfirm => "确认回滚", "Roll back";
    WlRemarkOptional => "备注(可选)", "Remark (optional)";
    WlChangedMeanwhile => "在此期间其他人修改了客户白名单,页面已刷新为最新版本。请核对后再确认。", "Someone changed the whitelist meanwhile; the page now shows the latest version. Check it, then confirm again.";
    WlImportTitle => "导入新版本", "Import a new version";
    WlImportIntro => "上传的文件就是完整的新白名单:文件中没有的客户将被移除。支持 .csv 和 .xlsx,最多 {n} 行;每行填写客户ID或账号名之一。提交前不会修改白名单。", "The file is the complete new whitelist: customers not in it are removed. .csv and .xlsx, at most {n} rows; each row names a customer by ID or account name. Nothing changes until you commit.";
    WlBackToWhitelist => "返回客户白名单", "Back to the customer whitelist";
    WlStepChoose => "选择文件", "Choose a file";
    WlStepPreview => "检查与预览", "Check and preview";
    WlStepCommit => "提交新版本", "Commit the new version";
    WlDropHere => "将文件拖到此处,或点击选择文件", "Drop a file here, or click to choose one";
    WlDropHint => "支持 .csv(UTF-8 或 GB18030)和 .xlsx;表头为 客户ID / 账号名 / 备注 或英文 Customer ID / Account name / Remark", ".csv (UTF-8 or GB18030) and .xlsx; headers 客户ID / 账号名 / 备注 or Customer ID / Account name / Remark";
    WlReading => "正在读取文件…", "Reading the file…";
    WlFileUnreadable => "无法读取该文件", "The file cannot be read";
    WlFileEmpty => "文件中没有数据行", "The file has no data rows";
    WlFileTooMany => "文件有 {n} 行,超过上限 {t} 行", "The file has {n} rows, more than the limit of {t}";
    WlFileNoColumns => "第一行中没有可识别的列", "No known column in the first row";
    WlHeadersFound => "文件中的表头", "Headers in the file";
    WlHeadersExpected => "应有的表头", "Expected headers";
    WlHeadersHint => "至少需要“客户ID”或“账号名”一列。可下载模板对照。", "At least a Customer ID or an Account name column is needed. Download the template to compare.";
    WlReadSummary => "已读取:{n} 行可上传,{t} 行有问题(见下表)。", "Read: {n} rows to upload, {t} rows with problems (below).";
    WlStage => "上传并预览", "Upload and preview";
    WlStaging => "正在上传…", "Uploading…";
    WlNoValidRows => "没有有效的行,无法生成新版本。请修改文件后重新选择。", "There are no valid rows, so no version can be created. Fix the file and choose it again.";
    WlProblemsTitle => "有问题的行({n})", "Rows with problems ({n})";
    WlNoProblems => "没有有问题的行。", "No row has a problem.";
    WlColRow => "行号", "Row";
    WlColValue => "内容", "Content";
    WlColReason => "原因", "Reason";
    WlRowDuplicate => "与第 {n} 行重复", "Duplicate of row {n}";
    WlRowNoCustomer => "客户不存在", "No such customer";
    WlRowNotYours => "不是您的子客户", "Not your customer";
    WlRowReferral => "推荐类客户不能发放代金券", "Referral customers cannot receive vouchers";
    WlRowNoKey => "客户ID和账号名都为空", "Neither a customer ID nor an account name";
    WlRowTooLong => "内容超过 64 个字符", "Longer than 64 characters";
    WlRowRemarkTooLong => "备注超过 256 个字符", "Remark longer than 256 characters";
    WlAdded => "新增", "Added";
    WlRemoved => "移除", "Removed";
    WlUnchanged => "不变", "Unchanged";
    WlPreviewNote => "{t} 行中 {v} 行有效,与当前版本 V{b} 比较。预览保留到 {e},提交前不会修改白名单;有问题的行不会导入。", "{v} of {t} rows are valid, compared with the current version V{b}. The preview is kept until {e}; nothing changes until you commit, and rows with problems are left out.";
    WlNoChanges => "没有此类变化。", "No such change.";
    WlCommitNote => "提交后立即生成新版本并生效。", "Committing creates the new version, which takes effect at once.";
    WlCommit => "提交", "Commit";
    WlCommitting => "正在提交…", "Committing…";
    WlChangedSinceStaged => "上传后客户白名单已被其他人修改,此预览已失效。请基于最新版本重新上传预览(使用同一文件)。", "Someone changed the whitelist after this upload, so the preview is out of date. Upload again to compare with the latest version (same file).";
    WlUploadExpired => "预览已过期或已提交,请用同一文件重新上传。", "The preview expired or was already committed. Upload the same file again.";
    WlStageAgain => "重新上传预览", "Upload again";
    ScopeOwn => "仅显示分配给您的客户。", "Showing customers assigned to you.";
    ScopeTeam => "显示您团队中客户经理的客户。", "Showing customers of the account managers in your team.";
    FilterKeyword => "客户名称/账号名", "Customer or account name";
    FilterKeywordPlaceholder => "输入名称或账号名搜索", "Search by name or account";
    ColCustomer => "客户", "Customer";
    ColIndustry => "客户行业", "Industry";
    ColOpportunityType => "商机类型", "Opportunity type";
    ColConfidence => "把握度", "Confidence";
    ColStage => "商机阶段", "Stage";
    ColRevenue => "预计月流水", "Expected monthly revenue";
    ColLastUpdate => "最近更新时间", "Last update";
    ColAccountManager => "客户经理", "Account manager";
    ColReseller => "二级经销商", "Tier-2 reseller";
    ColAssociation => "关联类型", "Association type";
    ColAssociatedOn => "关联时间", "Associated on";
    ColOpportunity => "商机名称", "Opportunity";
    ColCreated => "创建时间", "Created";
    LastUpdateTo => "至", "to";
    DateRangeInvalid => "开始日期不能晚于结束日期", "The start date must not be after the end date";
    OwnReseller => "本级客户", "Own customers";
    Unassigned => "未分配", "Unassigned";
    PageSize => "每页", "Per page";
    PrevPage => "上一页", "Previous page";
    NextPage => "下一页", "Next page";
    EmptyFiltered => "没有符合筛选条件的客户。", "No customers match these filters.";
    EmptyNone => "还没有客户。", "There are no customers yet.";
    EmptyOwn => "目前没有分配给您的客户。", "No customers are assigned to you yet.";
    ClearFilters => "清除筛选", "Clear filters";
    BackToList => "返回列表", "Back to list";
    CustomerDetail => "客户详情", "Customer details";
    CustomerId => "客户 ID", "Customer ID";
    Opportunities => "商机", "Opportunities";
    NoOpportunities => "该客户暂无商机。", "This customer has no opportunities.";
    TableTotal => "共 {n} 条", "{n} rows";
    CustomersTotal => "共 {n} 个客户", "{n} customers";
    SelectedCount => "已选 {n} 项", "{n} selected";
    SelectAllMatching => "选择全部 {n} 条符合条件的记录", "Select all {n} matching the filter";
    ClearSelection => "清除选择", "Clear selection";
    SelectPage => "选择本页全部行", "Select all rows on this page";
    SelectAllRows => "选择全部行", "Select all rows";
    SelectRow => "选择此行", "Select this row";
    PreparingSelection => "正在准备所选行 {n} / {t}", "Preparing the selected rows: {n} of {t}";
    Columns => "列设置", "Columns";
    ColumnsTitle => "显示和排列列", "Show and arrange columns";
    MoveUp => "上移", "Move up";
    MoveDown => "下移", "Move down";
    ResetColumns => "恢复默认", "Reset to default";
    Close => "关闭", "Close";
    ResizeColumn => "调整列宽", "Resize column";
    SortHint => "单击排序,Shift+单击添加次要排序", "Click to sort; Shift+click adds a secondary sort";
    ExportCsv => "导出 CSV", "Export CSV";
    ExportPreparing => "正在准备导出…", "Preparing the export…";
    ExportProgress => "已导出 {n} / {t} 行", "Exported {n} of {t} rows";
    ExportDone => "已导出 {n} 行", "Exported {n} rows";
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
    DevTableTitle => "表格演示(开发用)", "Table demo (development)";
    DevTableIntro => "在浏览器中生成的客户端数据,用于表格的端到端测试和性能基准。", "Client-side rows generated in the browser, for the table's end-to-end tests and benchmarks.";
    DevColId => "资源 ID", "Resource ID";
    DevColName => "名称", "Name";
    DevColEmail => "邮箱", "E-mail";
    DevColPhone => "手机号", "Phone";
    DevColStatus => "状态", "Status";
    DevColAmount => "金额", "Amount";
    DevColRegion => "区域", "Region";
    DevColFlag => "标记", "Flag";
    DevStatusRunning => "运行中", "Running";
    DevStatusStopped => "已停止", "Stopped";
    DevStatusFrozen => "已冻结", "Frozen";
    DevStatusExpired => "已过期", "Expired";
    DevFilterName => "名称/邮箱", "Name or e-mail";
    DevFilterNamePlaceholder => "输入名称或邮箱搜索", "Search by name or e-mail";
    DevFlag => "标记", "Flag";
    DevFlagged => "已标记 {n} 行", "Flagged {n} rows";
    DevOpen => "打开", "Open";
    DevOpened => "已打开:{n}", "Opened: {n}";
    DevEmptyNone => "还没有数据。", "There are no rows yet.";
    DevEmptyFiltered => "没有符合筛选条件的行。", "No rows match these filters.";
    DevEmptyRestricted => "您的角色无权查看这些行。", "Your role does not allow you to see these rows.";
}
