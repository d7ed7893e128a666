//! Texts of S12 KooGallery pricing (`Kg…`): the 严选 gate, the marketplace orders, the price
//! dialog (its rules, the confirmation, a lost answer) and the price-change records.

crate::texts! {
    KOOGALLERY_TEXTS;
    KgNav => "云商店调价", "KooGallery pricing";
    KgTabOrders => "云商店订单", "Marketplace orders";
    KgTabRecords => "调价记录", "Price changes";
    KgIntro => "严选伙伴可为客户待支付的云商店商品订单调整价格:新价格不高于原价,客户按新价格支付。每次调价都记入调价记录。", "As a KooGallery selected (严选) partner you can change the price of your customers' marketplace orders that are pending payment: the new price is at most the original price, and the customer pays the new price. Every change is kept in the price-change records.";
    KgNotForPartner => "云商店调价面向严选的经销商和分销商;服务伙伴不转售云商店商品。", "KooGallery pricing is for selected (严选) distributors and resellers; service partners do not resell marketplace products.";
    KgLoadingSelection => "正在确认严选伙伴资格…", "Checking your KooGallery selection…";
    KgNotSelectedTitle => "仅严选伙伴可用", "For KooGallery selected (严选) partners only";
    KgWhyNotSelected => "贵司尚未入选云商店严选伙伴。入选后,即可为客户的待支付云商店订单调价。", "Your company is not a KooGallery selected (严选) partner yet. Once selected, you can change the price of your customers' pending marketplace orders.";
    KgWhyIntl => "严选仅在中国站开展,国际站伙伴不适用。", "严选 exists on the China site only: it does not apply to international-site partners.";
    KgWhyService => "服务伙伴不转售云商店商品,没有可调价的订单。", "Service partners do not resell marketplace products, so there is no order to price.";
    KgNoContact => "如需了解严选,请联系您的伙伴经理。", "To learn about 严选, contact your partner manager.";
    KgColProduct => "商品", "Product";
    KgColSeller => "商家", "Seller";
    KgColSpec => "规格", "Specification";
    KgColOriginal => "原价", "Original price";
    KgColPrice => "当前价格", "Current price";
    KgColCreated => "下单时间", "Ordered";
    KgColExpire => "支付截止", "Pay by";
    KgColAdjustedTimes => "调价次数", "Changes";
    KgColLastAdjusted => "最近调价", "Last changed";
    KgStatusPending => "待支付", "Pending payment";
    KgStatusPaid => "已支付", "Paid";
    KgStatusClosed => "已关闭", "Closed";
    KgAllStatuses => "全部状态", "All statuses";
    KgAdjust => "调价", "Change price";
    KgOrdersEmpty => "客户暂无云商店订单。", "Your customers have no marketplace orders.";
    KgOrdersEmptyFiltered => "没有符合条件的订单。", "No order matches these filters.";
    KgOrderIdPlaceholder => "如 KGHZ0001", "e.g. KGHZ0001";
    KgDialogTitle => "调整订单价格", "Change the order's price";
    KgNewPrice => "新价格", "New price";
    KgNewPriceHint => "大于 0、不高于原价,最多两位小数。", "More than 0, at most the original price, at most 2 decimals.";
    KgReasonLabel => "调价原因", "Reason for the change";
    KgReasonHint => "客户可见,并记入调价记录。", "The customer sees it; it is kept in the records.";
    KgPriceMissing => "请输入新价格。", "Enter the new price.";
    KgPriceNotANumber => "请输入金额,如 99 或 99.50。", "Enter an amount such as 99 or 99.50.";
    KgNotPositive => "新价格须大于 0。", "The new price must be more than 0.";
    KgTooManyDecimals => "最多两位小数。", "At most 2 decimals.";
    KgSameAsCurrent => "与当前价格相同,无需调价。", "That is the current price: nothing would change.";
    KgReasonMissing => "请填写调价原因。", "Give the reason for the change.";
    KgLapsesSoon => "即将截止", "Closes soon";
    KgConfirmTitle => "核对调价", "Check the price change";
    KgConfirm => "确认调价", "Change the price";
    KgEdit => "返回修改", "Edit";
    KgChecking => "应答丢失,正在读取订单,确认价格是否已调整…", "The answer was lost: reading the order to see whether its price changed…";
    KgReconciled => "应答曾丢失:经读取订单确认价格已调整,未重复提交。", "The answer was lost; the order shows the new price, and nothing was sent twice.";
    KgNotApplied => "应答丢失,订单价格未变:可以安全地再次提交。", "The answer was lost and the order's price has not changed: sending again is safe.";
    KgOvertaken => "应答丢失期间,订单已有变化(价格或状态)。下面是订单当前的情况,请重新核对。", "While the answer was lost, the order changed (its price or its status). Below is the order as it is now: check it again.";
    KgUnknown => "无法确认价格是否已调整:订单读取失败。确认前不会再次提交。", "Whether the price changed is not known: the order could not be read. Nothing is sent again before it is.";
    KgRecordsEmpty => "暂无调价记录。", "No price changes yet.";
    KgRecordsEmptyFiltered => "没有符合条件的调价记录。", "No price change matches these filters.";
    KgColOld => "调价前", "Before";
    KgColChange => "较调价前", "Change";
    KgColAdjustId => "调价记录号", "Record ID";
}

crate::templates! {
    KOOGALLERY_TEMPLATES;
    KgContact { name, email } => "如需申请入选,请联系云商店生态经理 {name}({email})。", "To apply, contact your KooGallery ecosystem manager, {name} ({email}).";
    KgSelectedSince { date } => "严选伙伴,{date} 入选", "KooGallery selected (严选) partner since {date}";
    KgAboveOriginal { original } => "新价格不能高于原价 {original}。", "The new price cannot be above the original price, {original}.";
    KgReasonTooLong { max } => "调价原因最多 {max} 个字符。", "The reason is at most {max} characters.";
    KgNotPending { status } => "该订单{status}:只有待支付的订单可以调价。", "This order is {status}: only an order pending payment can be repriced.";
    KgStale { current } => "该订单的价格已被他人调整,现为 {current}。请核对后再提交。", "Someone changed this order's price meanwhile: it is now {current}. Check your new price and send it again.";
    KgVsOriginal { pct } => "较原价 {pct}", "{pct} on the original price";
    KgFromTo { old, new } => "价格由 {old} 调整为 {new}", "The price goes from {old} to {new}";
    KgDone { id } => "价格已调整,记录号 {id}。", "The price was changed: record {id}.";
    KgRecordsTotal { n } => "共 {n} 条调价记录", "{n} price changes", one n: "{n} price change";
}
