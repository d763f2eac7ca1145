<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>BillsScreen</name>
    <message>
      <source>The station could not ask the company for the amount right now. Please type the amount printed on your bill.</source>
      <translation>Trạm không hỏi được số tiền từ công ty lúc này. Vui lòng nhập số tiền in trên hóa đơn.</translation>
    </message>
    <message>
      <source>The company says no bill is due for this customer code. Please check the code on your bill.</source>
      <translation>Công ty cho biết không có hóa đơn cần thanh toán với mã khách hàng này. Vui lòng kiểm tra lại mã trên hóa đơn.</translation>
    </message>
    <message>
      <source>This is not a bank payment code (VietQR). Please scan the code printed on the bill, or choose the company.</source>
      <translation>Đây không phải mã thanh toán ngân hàng (VietQR). Vui lòng quét mã in trên hóa đơn, hoặc chọn đơn vị thu.</translation>
    </message>
    <message>
      <source>Please type the amount in đồng, digits only.</source>
      <translation>Vui lòng nhập số tiền bằng chữ số, đơn vị đồng.</translation>
    </message>
    <message>
      <source>Please type the customer code as printed on the bill.</source>
      <translation>Vui lòng nhập mã khách hàng đúng như in trên hóa đơn.</translation>
    </message>
    <message>
      <source>Asking the company for the amount due…</source>
      <translation>Đang hỏi công ty số tiền cần thanh toán…</translation>
    </message>
    <message>
      <source>The slip is printed. Please take it.</source>
      <translation>Phiếu đã in xong. Vui lòng nhận phiếu.</translation>
    </message>
    <message>
      <source>The slip could not be printed. Please photograph the code instead.</source>
      <translation>Không in được phiếu. Vui lòng chụp lại mã bằng điện thoại.</translation>
    </message>
    <message>
      <source>Pay a bill</source>
      <translation>Thanh toán hóa đơn</translation>
    </message>
    <message>
      <source>Scan the payment code printed on your bill, or choose the company and type your customer code. The station checks who will receive the money.</source>
      <translation>Vui lòng quét mã thanh toán in trên hóa đơn, hoặc chọn đơn vị thu và nhập mã khách hàng. Trạm sẽ kiểm tra ai là người nhận tiền.</translation>
    </message>
    <message>
      <source>▣  Scan the bill's code</source>
      <translation>▣  Quét mã trên hóa đơn</translation>
    </message>
    <message>
      <source>Choose the company</source>
      <translation>Chọn đơn vị thu</translation>
    </message>
    <message>
      <source>Family health insurance: register or renew</source>
      <translation>Bảo hiểm y tế hộ gia đình: đăng ký hoặc gia hạn</translation>
    </message>
    <message>
      <source>Hold the payment code on your bill in front of the camera</source>
      <translation>Vui lòng đưa mã thanh toán trên hóa đơn vào trước camera</translation>
    </message>
    <message>
      <source>Official billers published by the ward</source>
      <translation>Các đơn vị thu chính thức do phường công bố</translation>
    </message>
    <message>
      <source>The ward has not published a list of official billers yet. Please pay at the company's office or ask the staff.</source>
      <translation>Phường chưa công bố danh sách đơn vị thu chính thức. Vui lòng thanh toán tại văn phòng của đơn vị hoặc hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Customer code (printed on your bill)</source>
      <translation>Mã khách hàng (in trên hóa đơn)</translation>
    </message>
    <message>
      <source>Amount in đồng (leave it empty: the station asks the company)</source>
      <translation>Số tiền (đồng); có thể để trống, trạm sẽ hỏi công ty</translation>
    </message>
    <message>
      <source>Amount in đồng (printed on your bill)</source>
      <translation>Số tiền, đơn vị đồng (in trên hóa đơn)</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Tiếp tục</translation>
    </message>
    <message>
      <source>Show the code to pay</source>
      <translation>Hiện mã để thanh toán</translation>
    </message>
    <message>
      <source>Open your own bank app, choose "Scan QR" and scan this code. Check the name and the amount in your app before you confirm.</source>
      <translation>Vui lòng mở ứng dụng ngân hàng của Ông/Bà, chọn "Quét mã QR" và quét mã này. Kiểm tra tên người nhận và số tiền trong ứng dụng trước khi xác nhận.</translation>
    </message>
    <message>
      <source>Print a slip</source>
      <translation>In phiếu</translation>
    </message>
    <message>
      <source>(no name in the code)</source>
      <translation>(mã không ghi tên)</translation>
    </message>
    <message>
      <source>Name in the bill's code: %1</source>
      <translation>Tên ghi trong mã của hóa đơn: %1</translation>
    </message>
    <message>
      <source>No amount in the code</source>
      <translation>Mã không ghi số tiền</translation>
    </message>
    <message>
      <source>Who receives the money</source>
      <translation>Người nhận tiền</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Số tiền</translation>
    </message>
    <message>
      <source>What it is for</source>
      <translation>Nội dung thanh toán</translation>
    </message>
    <message>
      <source>(not stated)</source>
      <translation>(không ghi)</translation>
    </message>
    <message>
      <source>Bank and account</source>
      <translation>Ngân hàng và số tài khoản</translation>
    </message>
    <message>
      <source>✓ This account belongs to an official biller on the ward's list.</source>
      <translation>✓ Tài khoản này thuộc một đơn vị thu chính thức trong danh sách của phường.</translation>
    </message>
    <message>
      <source>The code has no amount: please choose the company and type the amount printed on the bill.</source>
      <translation>Mã không ghi số tiền: vui lòng chọn đơn vị thu và nhập số tiền in trên hóa đơn.</translation>
    </message>
    <message>
      <source>⚠ WARNING: this account is NOT on the ward's list of official billers.</source>
      <translation>⚠ CẢNH BÁO: tài khoản này KHÔNG có trong danh sách đơn vị thu chính thức của phường.</translation>
    </message>
    <message>
      <source>Someone may have replaced the code on the bill. Do not pay with this code. Please check with the company that sent the bill, or ask the staff.</source>
      <translation>Mã trên hóa đơn có thể đã bị thay thế. Vui lòng không thanh toán bằng mã này. Vui lòng hỏi lại đơn vị đã gửi hóa đơn, hoặc hỏi cán bộ.</translation>
    </message>
  </context>
  <context>
    <name>QuestionsScreen</name>
    <message>
      <source>Source: the procedure catalogue, procedure %1</source>
      <translation>Nguồn: danh mục thủ tục hành chính, thủ tục %1</translation>
    </message>
    <message>
      <source>Source: the station's answers to common questions</source>
      <translation>Nguồn: giải đáp các câu hỏi thường gặp của trạm</translation>
    </message>
    <message>
      <source>Sorry, the station does not know the answer to this question.</source>
      <translation>Xin lỗi, trạm chưa có câu trả lời cho câu hỏi này.</translation>
    </message>
    <message>
      <source>Please ask the ward staff: %1</source>
      <translation>Vui lòng hỏi cán bộ phường: %1</translation>
    </message>
    <message>
      <source>Please ask the ward staff nearby.</source>
      <translation>Vui lòng hỏi cán bộ phường ở gần đây.</translation>
    </message>
    <message>
      <source>Try other words, or pick one of the common questions below.</source>
      <translation>Vui lòng thử hỏi bằng từ khác, hoặc chọn một câu hỏi thường gặp ở dưới.</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Hỏi đáp</translation>
    </message>
    <message>
      <source>Questions and answers</source>
      <translation>Hỏi đáp</translation>
    </message>
    <message>
      <source>Type your question, with or without accents, or touch a common question.</source>
      <translation>Vui lòng nhập câu hỏi, có dấu hoặc không dấu, hoặc chạm vào một câu hỏi thường gặp.</translation>
    </message>
    <message>
      <source>e.g. lam lai can cuoc mat bao lau</source>
      <translation>ví dụ: làm lại căn cước mất bao lâu</translation>
    </message>
    <message>
      <source>Ask</source>
      <translation>Hỏi</translation>
    </message>
    <message>
      <source>Common questions</source>
      <translation>Câu hỏi thường gặp</translation>
    </message>
    <message>
      <source>Open this procedure</source>
      <translation>Xem thủ tục này</translation>
    </message>
    <message>
      <source>Call the staff</source>
      <translation>Gọi cán bộ</translation>
    </message>
  </context>
</TS>