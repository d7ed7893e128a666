//! Columns, states and actions that several sales pages share.

crate::texts! {
    SALES;
    ColCustomer => "客户", "Customer";
    ColReseller => "二级经销商", "Tier-2 reseller";
    ResellerAllIncluded => "全部(含二级经销商的客户)", "All (resellers' customers included)";
    ResellerOwnOnly => "自有客户(不含二级经销商)", "Own customers only (not resellers')";
    ColCreated => "创建时间", "Created";
    EmptyFiltered => "没有符合筛选条件的客户。", "No customers match these filters.";
    CustomerId => "客户 ID", "Customer ID";
    Reclaim => "回收", "Reclaim";
    Reclaimed => "已回收", "Reclaimed";
    Quota => "额度", "Quota";
    Issue => "发放", "Issue";
    ReclaimSelected => "批量回收", "Reclaim selected";
    ReclaimResults => "回收结果", "Reclaim results";
    CustomerCount => "客户数", "Customers";
}
