//! Customer orders, order details and pay-per-use resources.

crate::texts! {
    ORDERS;
    OrdersTitle => "客户订单 › 订单资源明细", "Customer orders › Order resource details";
    OrdersTabOrders => "订单", "Orders";
    OrdersTabPayPerUse => "按需资源", "Pay-per-use resources";
    PpuIntro => "转售客户的按需计费资源。先填写客户 ID(从订单详情进入时已自动填写),再按区域、云服务类型、状态、生效时间或资源 ID 筛选。", "A resale customer's pay-per-use resources. Enter the customer ID (filled in when you come from an order), then filter by region, service, status, effective time or resource IDs.";
    PpuCustomerRequired => "请填写客户 ID", "Enter a customer ID";
    PpuChooseCustomer => "填写客户 ID 后查询,即可查看该客户的按需资源", "Enter a customer ID and search to see their pay-per-use resources";
    PpuEmpty => "该客户暂无按需资源", "This customer has no pay-per-use resources";
    PpuReferralCustomer => "这是顾问销售客户:按需资源只对代售客户列出,顾问销售客户的资源由客户在自己的账号中查看。", "This is a referral customer: pay-per-use resources are listed for resale customers only; a referral customer sees their resources in their own account.";
    PpuEmptyFiltered => "没有符合筛选条件的按需资源", "No pay-per-use resources match the filters";
    PpuRegionPlaceholder => "例如 cn-north-4", "e.g. cn-north-4";
    PpuIdsPlaceholder => "多个 ID 用逗号或空格分隔,最多 50 个", "Several IDs separated by commas or spaces, at most 50";
    PpuTooManyIds => "最多 50 个资源 ID", "At most 50 resource IDs";
    PpuIdTooLong => "资源 ID 最长 64 个字符", "A resource ID has at most 64 characters";
    PpuOfCustomer => "查看该客户的按需资源", "This customer's pay-per-use resources";
    ColResourceType => "资源类型", "Resource type";
    ColZone => "可用区", "Availability zone";
    OrdersIntro => "名下客户的所有订单,以及订单开通的包年/包月资源。单击眼睛按钮可查看或隐藏字段的完整内容。", "All orders of your customers and the yearly/monthly resources they opened. The eye button shows or hides a field's full content.";
    ColOrderId => "订单号", "Order ID";
    ColService => "云服务类型", "Service";
    ColOrderType => "订单类型", "Order type";
    ColOrderStatus => "订单状态", "Status";
    ColOfficialAmount => "官网价", "List price";
    ColPaidAmount => "实付金额", "Amount paid";
    ColPaymentTime => "支付时间", "Paid at";
    FilterOrderIdPlaceholder => "输入完整订单号", "Full order ID";
    FilterCustomerIdPlaceholder => "输入客户 ID", "Customer ID";
    EmptyOrders => "还没有订单。", "There are no orders yet.";
    EmptyOrdersFiltered => "没有符合筛选条件的订单。", "No orders match these filters.";
    OrderDetail => "订单详情", "Order details";
    OrderLineItems => "订单明细", "Order items";
    OrderResources => "订单资源明细", "Order resources";
    ColProduct => "产品规格", "Product";
    ColPeriod => "周期", "Period";
    ColQuantity => "数量", "Quantity";
    ColExpire => "到期时间", "Expires";
    ColResourceName => "资源名称", "Resource name";
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
    ColResourceId => "资源 ID", "Resource ID";
    ColRegion => "区域", "Region";
    ColEffective => "生效时间", "Effective";
}

crate::templates! {
    ORDERS_TEMPLATES;
    PpuTotal { n } => "共 {n} 个资源", "{n} resources", one n: "{n} resource";
    OrdersTotal { n } => "共 {n} 个订单", "{n} orders", one n: "{n} order";
}
