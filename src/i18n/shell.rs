//! The app frame: navigation, sign-in and the session, new versions, the home page.

crate::texts! {
    SHELL;
    AppName => "伙伴中心", "Partner Center";
    NavHome => "主页", "Home";
    NavOverview => "概览", "Overview";
    NavSales => "销售", "Sales";
    NavBenefits => "权益", "Benefits";
    NavDelivery => "交付", "Delivery";
    // Page names, in the navigation and as the pages' titles.
    CustomersAndOpportunities => "客户与商机", "Customers & opportunities";
    NavOrders => "客户订单", "Customer orders";
    VoucherQuotas => "代金券额度", "Voucher quotas";
    IssueVouchers => "发放代金券", "Issue vouchers";
    ReclaimVouchers => "回收代金券", "Reclaim vouchers";
    CustomerWhitelist => "客户白名单", "Customer whitelist";
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
    WrongCredentials => "账号名、用户名或密码错误。", "The account name, user name or password is wrong.";
    ReauthTitle => "会话已过期", "Your session has expired";
    ReauthIntro => "请重新输入密码。登录后将继续刚才的操作,页面上的内容都会保留。", "Enter your password again. What you were doing continues after sign-in and everything on the page is kept.";
    NewVersion => "伙伴中心已发布新版本。保存正在编辑的内容后,重新加载即可使用新版本。", "A new version of Partner Center is available. Save what you are editing, then reload to use it.";
    PageCodeFailed => "这个页面的程序未能下载(网络中断,或已发布新版本)。请重新加载后再试。", "This page's code could not be downloaded (the network dropped, or a new version was deployed). Reload to try again.";
    Reload => "重新加载", "Reload";
    EmbedWaiting => "正在等待门户完成登录…", "Waiting for the portal to sign you in…";
    BannerIntlSite => "检测到您已登录华为云国际站账号,为了您更好的体验,建议您访问国际站服务网站。", "You are signed in with an international-site account. For the best experience, use the international site.";
    BannerGoToIntlSite => "前往国际站", "Go to the international site";
    BannerDontShowAgain => "不再显示此消息", "Don't show again";
    NotFoundTitle => "页面不存在", "Page not found";
    NotFoundText => "您访问的页面不存在或尚未开放。", "The page you opened does not exist or is not available yet.";
    BackHome => "返回主页", "Back to home";
    Welcome => "欢迎回来", "Welcome back";
    HomeIntro => "从左侧导航进入各项业务。", "Use the navigation on the left to get to your work.";
    NavMainLabel => "主导航", "Main navigation";
    NavOpenMenu => "打开导航菜单", "Open the navigation menu";
    NavCloseMenu => "关闭导航菜单", "Close the navigation menu";
    Partner => "合作伙伴", "Partner";
    Role => "角色", "Role";
    PartnerType => "伙伴类型", "Partner type";
}
