//! Customers & opportunities and the customer detail.

crate::texts! {
    CUSTOMERS;
    CustomersIntro => "名下所有子客户和二级经销商关联的子客户,以及客户行业、商机类型、把握度、商机阶段、预计月流水和最近更新时间。", "All your sub-customers and those of your tier-2 resellers, with industry, opportunity type, confidence, stage, expected monthly revenue and last update.";
    ScopeOwn => "仅显示分配给您的客户。", "Showing customers assigned to you.";
    ScopeTeam => "显示您团队中客户经理的客户。", "Showing customers of the account managers in your team.";
    FilterKeyword => "客户名称/账号名", "Customer or account name";
    FilterKeywordPlaceholder => "输入名称或账号名搜索", "Search by name or account";
    ColIndustry => "客户行业", "Industry";
    ColOpportunityType => "商机类型", "Opportunity type";
    ColConfidence => "把握度", "Confidence";
    ColStage => "商机阶段", "Stage";
    ColRevenue => "预计月流水", "Expected monthly revenue";
    ColLastUpdate => "最近更新时间", "Last update";
    ColAccountManager => "客户经理", "Account manager";
    ColAssociation => "关联类型", "Association type";
    ColAssociatedOn => "关联时间", "Associated on";
    ColOpportunity => "商机名称", "Opportunity";
    OwnReseller => "本级客户", "Own customers";
    Unassigned => "未分配", "Unassigned";
    EmptyNone => "还没有客户。", "There are no customers yet.";
    EmptyOwn => "目前没有分配给您的客户。", "No customers are assigned to you yet.";
    CustomerDetail => "客户详情", "Customer details";
    Opportunities => "商机", "Opportunities";
    NoOpportunities => "该客户暂无商机。", "This customer has no opportunities.";
    ColOpportunityCount => "商机数", "Opportunities";
}

crate::templates! {
    CUSTOMERS_TEMPLATES;
    CustomersTotal { n } => "共 {n} 个客户", "{n} customers", one n: "{n} customer";
}
