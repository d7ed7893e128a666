//! Texts of S11 为客户调账 (`Fd…`): resale customers' balances, allocating and reclaiming,
//! the adjustment records (A3) and the partner account's changes (A5). zh-CN as the console's
//! own labels (FEATURES.md S11).

crate::texts! {
    FUNDS_TEXTS;
    FdNav => "为客户调账", "Customer funds";
    FdIntro => "在伙伴账户与代售客户账户之间调拨资金:拨款从伙伴现金余额(不含专款专用)划给客户,回收将客户余额划回伙伴账户。仅代售类客户有伙伴资金账户。", "Move money between your partner account and resale customers' accounts: allocating takes it from your cash balance (less any designated part) to the customer; reclaiming moves a customer's balance back. Only resale customers have a partner-funded account.";
    FdNotForPartner => "为客户调账仅面向华为云总经销商(一级经销商)。", "Customer funds are for tier-1 distributors only.";
    FdTabBalances => "客户余额", "Customer balances";
    FdTabRecords => "调账记录", "Adjustment records";
    FdTabChanges => "账户变动记录", "Account changes";
    FdCustomersTable => "代售客户余额", "Resale customers' balances";
    FdBalance => "可用余额", "Available balance";
    FdDebt => "欠款", "Debt";
    FdBalanceUnknown => "未读取", "Not read";
    FdEmpty => "没有代售类客户。", "There are no resale customers.";
    FdEmptyFiltered => "没有符合筛选条件的代售客户。", "No resale customer matches these filters.";
    FdAllocate => "拨款", "Allocate";
    FdCash => "现金余额", "Cash balance";
    FdDesignated => "其中专款专用", "of which designated";
    FdAllocatable => "可拨款金额", "Allocatable";
    FdDialogAllocate => "为客户拨款", "Allocate to the customer";
    FdDialogReclaim => "从客户回收", "Reclaim from the customer";
    FdAmountLabel => "金额(元)", "Amount (CNY)";
    FdAmountHint => "大于 0,最多两位小数。", "More than 0, at most two decimals.";
    FdAmountRequired => "请输入金额。", "Enter an amount.";
    FdAmountInvalid => "金额须为大于 0 的数字,最多两位小数。", "The amount must be a number above 0 with at most two decimals.";
    FdOverAllocatable => "金额超过可拨款金额。", "The amount is more than you can allocate.";
    FdOverBalance => "金额超过客户可用余额。", "The amount is more than the customer's available balance.";
    FdConfirmAllocate => "确认拨款", "Allocate";
    FdConfirmReclaim => "确认回收", "Reclaim";
    FdSending => "正在提交…", "Sending…";
    FdChecking => "应答丢失,正在核对调账记录…", "The answer was lost; checking the adjustment records…";
    FdDone => "调账成功。", "Adjusted.";
    FdReconciled => "应答曾丢失,已从调账记录核实本次调账已完成(未重复提交)。", "The answer was lost; the adjustment records show it was made (nothing was sent twice).";
    FdNotApplied => "应答丢失,调账记录显示本次调账未完成。可再次提交。", "The answer was lost and the adjustment records show it was not made. You can send it again.";
    FdUnknown => "无法确认本次调账是否完成:请稍后核对,确认前不要再次提交。", "Whether it was made cannot be told yet: check again before sending anything.";
    FdCheckAgain => "再次核对", "Check again";
    FdSendAgain => "再次提交", "Send again";
    FdTransId => "交易流水号", "Transaction ID";
    FdBalanceAfter => "变动后余额", "Balance after";
    FdOperation => "调账类型", "Adjustment";
    FdOpAllocate => "拨款", "Allocated";
    FdOpReclaim => "回收", "Reclaimed";
    FdOpUnbind => "解除关联回收", "Reclaimed on unbinding";
    FdRecordsEmpty => "没有调账记录。", "There are no adjustment records.";
    FdRecordsEmptyFiltered => "没有符合筛选条件的调账记录。", "No adjustment record matches these filters.";
    FdTransIdPlaceholder => "输入交易流水号", "Transaction ID";
    FdChangesEmpty => "该时间段没有账户变动。", "No account changes in this period.";
    FdChangesEmptyFiltered => "没有符合筛选条件的账户变动。", "No account change matches these filters.";
    FdBalanceType => "账户", "Account";
    FdBalanceDebit => "现金账户", "Cash account";
    FdBalanceCredit => "信用账户", "Credit account";
    FdTradeType => "交易类型", "Trade type";
    FdTradeDetail => "交易明细类型", "Detail";
    FdTradeTime => "交易时间", "Trade time";
    FdTradeId => "交易 ID", "Trade ID";
    FdChange => "变动金额", "Change";
    FdDirection => "收支", "In / out";
    FdIncome => "收入", "Income";
    FdExpense => "支出", "Expense";
    FdChangesRangeHint => "按北京时间(UTC+8)的日期筛选;不选时为最近 12 个月。", "Dates are in Beijing time (UTC+8); without them, the last 12 months.";
    FdTradeRecharge => "充值", "Top-up";
    FdTradeDeduct => "扣费", "Payment";
    FdTradeRefund => "退款", "Refund";
    FdTradeFrozen => "冻结", "Frozen";
    FdTradeTransfer => "转账", "Transfer";
    FdTradeAdjust => "调账", "Adjustment";
    FdTradeBeadjust => "拨款给客户", "Allocated to a customer";
    FdTradeBeretrieve => "从客户回收", "Reclaimed from a customer";
    FdTradeBonus => "奖励转换", "Bonus conversion";
    FdDetailCouponCancel => "代金券作废退回", "Voucher cancelled, returned";
    FdDetailQuotaReclaim => "代金券额度回收", "Voucher quota reclaimed";
    FdTradeModeTransfer => "交易模式转换", "Trade mode change";
}

crate::templates! {
    FUNDS_TEMPLATES;
    FdCustomersTotal { n } => "共 {n} 个代售客户", "{n} resale customers", one n: "{n} resale customer";
    FdRecordsTotal { n } => "共 {n} 条调账记录", "{n} adjustment records", one n: "{n} adjustment record";
    FdChangesTotal { n } => "共 {n} 条账户变动", "{n} account changes", one n: "{n} account change";
    FdConfirmText { action, amount, customer } => "{action} {amount}:{customer}。提交后立即生效。", "{action} {amount}: {customer}. It takes effect at once.";
}
