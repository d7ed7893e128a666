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
