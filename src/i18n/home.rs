//! The home page: what needs the person's action (partner_api::home).

crate::texts! {
    HOME;
    HomeActTitle => "需要您处理", "Needs your action";
    HomeActNone => "目前没有需要您处理的事项。", "Nothing needs your action right now.";
    HomeActOpen => "去处理", "Open";
    HomeActSession => "会话即将结束", "Your session is ending";
    HomeActEvents => "待处理的关联事件", "Association events to answer";
    HomeActBills => "待确认的激励账单", "Incentive bills to confirm";
    HomeActInvoices => "待签收的发票", "Invoices to sign for";
    HomeActQuotas => "30 天内到期的代金券额度", "Voucher quotas expiring within 30 days";
}

crate::templates! {
    HOME_TEMPLATES;
    HomeActionCount { what, n } => "{what}:{n}", "{what}: {n}";
    HomeActDue { date } => "最早截止于 {date}", "First due {date}";
    HomeActSessionAt { time } => "将于 {time} 结束", "Ends at {time}";
    HomeActFailed { what } => "无法加载“{what}”", "Could not load “{what}”";
}
