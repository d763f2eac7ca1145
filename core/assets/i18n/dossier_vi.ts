<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>AddressPicker</name>
    <message>
      <source>Building</source>
      <translation>Tòa nhà</translation>
    </message>
    <message>
      <source>Floor</source>
      <translation>Tầng</translation>
    </message>
    <message>
      <source>Flat</source>
      <translation>Căn hộ</translation>
    </message>
  </context>
  <context>
    <name>CodePad</name>
    <message>
      <source>Type the letters and digits before the first dash, then “Next”.</source>
      <translation>Nhập chữ và số trước dấu gạch ngang đầu tiên, rồi chạm “Tiếp”.</translation>
    </message>
    <message>
      <source>Station code %1 is filled in: type the digits.</source>
      <translation>Đã điền sẵn mã trạm %1: Ông/Bà chỉ cần nhập các chữ số.</translation>
    </message>
    <message>
      <source>Another code</source>
      <translation>Mã khác</translation>
    </message>
    <message>
      <source>Next  ▶</source>
      <translation>Tiếp  ▶</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Xóa hết</translation>
    </message>
  </context>
  <context>
    <name>ConsentScreen</name>
    <message>
      <source>Your consent</source>
      <translation>Sự đồng ý của Ông/Bà</translation>
    </message>
    <message>
      <source>this procedure</source>
      <translation>thủ tục này</translation>
    </message>
    <message>
      <source>Under Decree 13/2023/ND-CP on personal data protection, we ask for your consent.

What: your name, date of birth, gender, ID number, address, phone and the answers and photos in this dossier.
Why: only to handle your dossier for “%1”.
Who receives it: the ward office (the ward police) that handles this procedure.
How long: this station keeps it encrypted only until it has been sent, and at most %2 days.
Your rights: you may ask the ward office to see, correct or delete your data, or withdraw this consent. If you do not agree, nothing is saved: you can submit at the counter instead.</source>
      <translation>Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, chúng tôi xin sự đồng ý của Ông/Bà.

Dữ liệu nào: họ tên, ngày sinh, giới tính, số định danh, địa chỉ, số điện thoại, các câu trả lời và ảnh giấy tờ trong hồ sơ này.
Để làm gì: chỉ để giải quyết hồ sơ “%1” của Ông/Bà.
Ai nhận: cơ quan cấp phường (Công an phường) giải quyết thủ tục này.
Lưu bao lâu: trạm chỉ lưu dữ liệu đã mã hóa cho đến khi gửi đi, và không quá %2 ngày.
Quyền của Ông/Bà: Ông/Bà có thể đề nghị cơ quan cấp phường cho xem, sửa, xóa dữ liệu hoặc rút lại sự đồng ý này. Nếu Ông/Bà không đồng ý, trạm không lưu gì cả: Ông/Bà có thể nộp hồ sơ tại quầy.</translation>
    </message>
    <message>
      <source>I have read this and I agree</source>
      <translation>Tôi đã đọc và đồng ý</translation>
    </message>
    <message>
      <source>Saving your dossier…</source>
      <translation>Đang lưu hồ sơ…</translation>
    </message>
    <message>
      <source>Submit the dossier</source>
      <translation>Nộp hồ sơ</translation>
    </message>
  </context>
  <context>
    <name>DoneScreen</name>
    <message>
      <source>Your dossier has been saved</source>
      <translation>Hồ sơ đã được lưu</translation>
    </message>
    <message>
      <source>Your report has been saved</source>
      <translation>Phản ánh đã được lưu</translation>
    </message>
    <message>
      <source>Your results have been saved</source>
      <translation>Kết quả đã được lưu</translation>
    </message>
    <message>
      <source>Received by the ward office</source>
      <translation>Đã tiếp nhận</translation>
    </message>
    <message>
      <source>Saved at this station. Staff must check it before it can be sent.</source>
      <translation>Đã lưu tại trạm. Cán bộ cần kiểm tra trước khi gửi đi.</translation>
    </message>
    <message>
      <source>Saved at this station, will be sent when online</source>
      <translation>Đã lưu tại trạm, sẽ gửi khi có mạng</translation>
    </message>
    <message>
      <source>Printing your receipt…</source>
      <translation>Đang in biên nhận…</translation>
    </message>
    <message>
      <source>Your receipt has been printed. Please take it and keep it.</source>
      <translation>Biên nhận đã được in. Vui lòng nhận và giữ lại.</translation>
    </message>
    <message>
      <source>The receipt could not be printed: the printer is out of paper.</source>
      <translation>Không in được biên nhận: máy in hết giấy.</translation>
    </message>
    <message>
      <source>The receipt could not be printed: the printer is not working.</source>
      <translation>Không in được biên nhận: máy in đang không hoạt động.</translation>
    </message>
    <message>
      <source>The receipt could not be printed: this station has no printer working.</source>
      <translation>Không in được biên nhận: trạm này không có máy in hoạt động.</translation>
    </message>
    <message>
      <source>The receipt could not be printed.</source>
      <translation>Không in được biên nhận.</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Đã lưu</translation>
    </message>
    <message>
      <source>Your code — please keep it to track or pay</source>
      <translation>Mã tra cứu — vui lòng giữ mã này để tra cứu, thanh toán</translation>
    </message>
    <message>
      <source>Service: %1</source>
      <translation>Dịch vụ: %1</translation>
    </message>
    <message>
      <source>You can look it up with this reference at any station (“Track a dossier”), or photograph the code.</source>
      <translation>Ông/Bà có thể tra cứu bằng mã này tại bất kỳ trạm nào (mục “Tra cứu hồ sơ”), hoặc chụp ảnh mã QR.</translation>
    </message>
    <message>
      <source>Nothing is lost: your request is saved. Please photograph the code or write down the reference number. Staff can print the receipt again for you.</source>
      <translation>Không mất gì cả: hồ sơ đã được lưu. Vui lòng chụp ảnh mã QR hoặc ghi lại mã tra cứu. Cán bộ có thể in lại biên nhận cho Ông/Bà.</translation>
    </message>
    <message>
      <source>Print the receipt again</source>
      <translation>In lại biên nhận</translation>
    </message>
    <message>
      <source>Photograph this code to follow your report</source>
      <translation>Chụp ảnh mã này để theo dõi phản ánh</translation>
    </message>
    <message>
      <source>Photograph this code to track your dossier</source>
      <translation>Chụp ảnh mã này để tra cứu hồ sơ</translation>
    </message>
    <message>
      <source>Pay the fee now (%1)</source>
      <translation>Nộp lệ phí ngay (%1)</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Hoàn tất</translation>
    </message>
  </context>
  <context>
    <name>FieldRow</name>
    <message>
      <source>✎  Write something else</source>
      <translation>✎  Viết nội dung khác</translation>
    </message>
    <message>
      <source>Choose a flat in this building</source>
      <translation>Chọn căn hộ trong tòa nhà này</translation>
    </message>
  </context>
  <context>
    <name>FormScreen</name>
    <message>
      <source>1 item still needs your answer  ▲</source>
      <translation>Còn 1 mục cần điền  ▲</translation>
    </message>
    <message>
      <source>%1 items still need your answer  ▲</source>
      <translation>Còn %1 mục cần điền  ▲</translation>
    </message>
    <message>
      <source>Please fill this in.</source>
      <translation>Xin điền thông tin này.</translation>
    </message>
    <message>
      <source>Write the date as day/month/year, e.g. 15/03/1985.</source>
      <translation>Viết ngày theo dạng ngày/tháng/năm, ví dụ 15/03/1985.</translation>
    </message>
    <message>
      <source>The ID number has 12 digits (or 9 on an old card).</source>
      <translation>Số định danh có 12 chữ số (hoặc 9 số trên CMND cũ).</translation>
    </message>
    <message>
      <source>A phone number has 10 digits and starts with 0.</source>
      <translation>Số điện thoại có 10 chữ số và bắt đầu bằng số 0.</translation>
    </message>
    <message>
      <source>Please choose one of the options.</source>
      <translation>Xin chọn một trong các lựa chọn.</translation>
    </message>
    <message>
      <source>This does not look like an email address.</source>
      <translation>Địa chỉ email chưa đúng.</translation>
    </message>
    <message>
      <source>Please check this answer.</source>
      <translation>Xin kiểm tra lại thông tin này.</translation>
    </message>
    <message>
      <source>Fill in the form</source>
      <translation>Điền tờ khai</translation>
    </message>
    <message>
      <source>We filled in what your ID card says. Check it, and complete the rest. Fields marked * are required.</source>
      <translation>Thông tin trên thẻ căn cước đã được điền sẵn. Xin kiểm tra và điền phần còn lại. Ô có dấu * là bắt buộc.</translation>
    </message>
    <message>
      <source>From your ID card</source>
      <translation>Lấy từ thẻ căn cước</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
  </context>
  <context>
    <name>PaymentScreen</name>
    <message>
      <source>Preparing your payment…</source>
      <translation>Đang chuẩn bị mã thanh toán…</translation>
    </message>
    <message>
      <source>Scan this code with your banking app</source>
      <translation>Quét mã này bằng ứng dụng ngân hàng</translation>
    </message>
    <message>
      <source>The amount and the transfer message are filled in for you. Do not change them.</source>
      <translation>Số tiền và nội dung chuyển khoản đã được điền sẵn. Xin đừng thay đổi.</translation>
    </message>
    <message>
      <source>Payment received. Thank you!</source>
      <translation>Đã nhận được tiền. Xin cảm ơn!</translation>
    </message>
    <message>
      <source>The ward office has recorded your payment.</source>
      <translation>Phường đã ghi nhận khoản thanh toán của Ông/Bà.</translation>
    </message>
    <message>
      <source>This payment code has expired.</source>
      <translation>Mã thanh toán này đã hết hạn.</translation>
    </message>
    <message>
      <source>If you have not paid yet, make a new code.</source>
      <translation>Nếu chưa chuyển khoản, xin tạo mã mới.</translation>
    </message>
    <message>
      <source>We stopped waiting for the payment.</source>
      <translation>Trạm đã ngừng chờ thanh toán.</translation>
    </message>
    <message>
      <source>If you have already paid, nothing is lost: the ward office will see it. You can also make a new code.</source>
      <translation>Nếu Ông/Bà đã chuyển khoản thì không mất gì cả: phường sẽ nhận được. Ông/Bà cũng có thể tạo mã mới.</translation>
    </message>
    <message>
      <source>This station is offline: you can pay later with this code</source>
      <translation>Trạm đang mất kết nối: Ông/Bà có thể thanh toán sau bằng mã này</translation>
    </message>
    <message>
      <source>The code is printed on your slip. Scan it with your banking app when you like; the transfer message carries your reference.</source>
      <translation>Mã đã được in trên phiếu. Ông/Bà quét bằng ứng dụng ngân hàng khi thuận tiện; nội dung chuyển khoản có mã hồ sơ.</translation>
    </message>
    <message>
      <source>The fee cannot be paid at this station now.</source>
      <translation>Hiện không thể nộp lệ phí tại trạm này.</translation>
    </message>
    <message>
      <source>Please pay at the ward office counter. Keep your reference number.</source>
      <translation>Xin nộp tại quầy của phường. Xin giữ lại mã tra cứu.</translation>
    </message>
    <message>
      <source>For your safety, this station cannot show a payment code right now.</source>
      <translation>Để bảo đảm an toàn cho Ông/Bà, trạm chưa thể hiển thị mã thanh toán lúc này.</translation>
    </message>
    <message>
      <source>Please pay at the ward office counter, or later at any station with the code on your dossier receipt. Keep your reference number.</source>
      <translation>Vui lòng nộp lệ phí tại quầy của phường, hoặc nộp sau tại bất kỳ trạm nào bằng mã trên biên nhận hồ sơ. Ông/Bà vui lòng giữ lại số biên nhận.</translation>
    </message>
    <message>
      <source>You can pay this fee later with your receipt code</source>
      <translation>Ông/Bà có thể nộp lệ phí sau bằng mã biên nhận</translation>
    </message>
    <message>
      <source>Nothing is lost: the dossier is kept. Later, open "Pay fees" at any station and scan or type the code on your dossier receipt, or pay at the ward office counter.</source>
      <translation>Hồ sơ vẫn được giữ nguyên. Khi thuận tiện, vui lòng chọn "Thanh toán lệ phí" tại bất kỳ trạm nào rồi quét hoặc nhập mã trên biên nhận hồ sơ, hoặc nộp tại quầy của Ủy ban nhân dân phường.</translation>
    </message>
    <message>
      <source>There is no fee to pay for this dossier.</source>
      <translation>Hồ sơ này không phải nộp lệ phí.</translation>
    </message>
    <message>
      <source>This fee has already been paid.</source>
      <translation>Lệ phí này đã được nộp.</translation>
    </message>
    <message>
      <source>We found no dossier with this reference.</source>
      <translation>Không tìm thấy hồ sơ có mã này.</translation>
    </message>
    <message>
      <source>Please check the number on your receipt, or ask the staff.</source>
      <translation>Xin kiểm tra lại mã trên biên nhận, hoặc hỏi cán bộ.</translation>
    </message>
    <message>
      <source>This dossier has not reached the ward office yet.</source>
      <translation>Hồ sơ này chưa được gửi đến phường.</translation>
    </message>
    <message>
      <source>Please pay once it has been received, or pay at the ward office counter.</source>
      <translation>Xin nộp lệ phí sau khi phường đã tiếp nhận, hoặc nộp tại quầy.</translation>
    </message>
    <message>
      <source>Pay fees</source>
      <translation>Thanh toán lệ phí</translation>
    </message>
    <message>
      <source>Scan the code on your dossier receipt, or touch the box and type its reference number.</source>
      <translation>Quét mã trên biên nhận hồ sơ, hoặc chạm vào ô và nhập mã tra cứu.</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
    <message>
      <source>This is not a reference number we know.</source>
      <translation>Đây không phải là mã tra cứu hợp lệ.</translation>
    </message>
    <message>
      <source>Bank: %1</source>
      <translation>Ngân hàng: %1</translation>
    </message>
    <message>
      <source>Account holder: %1</source>
      <translation>Chủ tài khoản: %1</translation>
    </message>
    <message>
      <source>Account number: %1</source>
      <translation>Số tài khoản: %1</translation>
    </message>
    <message>
      <source>Reference: %1</source>
      <translation>Mã hồ sơ: %1</translation>
    </message>
    <message>
      <source>Checking with the ward office…</source>
      <translation>Đang kiểm tra với phường…</translation>
    </message>
    <message>
      <source>The transfer has not arrived yet. Banks can take a minute: please wait, then check again.</source>
      <translation>Chưa nhận được khoản chuyển khoản. Ngân hàng có thể cần một phút: vui lòng chờ rồi kiểm tra lại.</translation>
    </message>
    <message>
      <source>Waiting for your payment… %1 left</source>
      <translation>Đang chờ thanh toán… còn %1</translation>
    </message>
    <message>
      <source>A slip with this code has been printed for you.</source>
      <translation>Phiếu có mã này đã được in cho Ông/Bà.</translation>
    </message>
    <message>
      <source>The slip could not be printed: please photograph the code.</source>
      <translation>Không in được phiếu: xin chụp ảnh mã QR.</translation>
    </message>
    <message>
      <source>VietQR: any Vietnamese banking app</source>
      <translation>VietQR: mọi ứng dụng ngân hàng Việt Nam</translation>
    </message>
    <message>
      <source>Make a new code</source>
      <translation>Tạo mã mới</translation>
    </message>
    <message>
      <source>I have transferred — check now</source>
      <translation>Tôi đã chuyển khoản — kiểm tra</translation>
    </message>
    <message>
      <source>Pay later with the receipt code</source>
      <translation>Thanh toán sau bằng mã biên nhận</translation>
    </message>
    <message>
      <source>Back to the home screen</source>
      <translation>Về trang chủ</translation>
    </message>
  </context>
  <context>
    <name>PhotosScreen</name>
    <message>
      <source>The photo is blurred: hold the paper still and try again.</source>
      <translation>Ảnh bị mờ: xin giữ yên giấy tờ và chụp lại.</translation>
    </message>
    <message>
      <source>A reflection hides part of the paper: tilt it a little and try again.</source>
      <translation>Ảnh bị lóa che mất một phần giấy tờ: xin nghiêng giấy một chút và chụp lại.</translation>
    </message>
    <message>
      <source>The photo is too dark.</source>
      <translation>Ảnh quá tối.</translation>
    </message>
    <message>
      <source>The photo could not be read.</source>
      <translation>Không đọc được ảnh.</translation>
    </message>
    <message>
      <source>Photos of your papers (optional)</source>
      <translation>Ảnh giấy tờ (không bắt buộc)</translation>
    </message>
    <message>
      <source>This station cannot take photos of papers yet. Your dossier can be submitted without them: bring the papers below to the ward office when the staff ask for them.</source>
      <translation>Trạm này chưa chụp được ảnh giấy tờ. Ông/Bà vẫn nộp được hồ sơ: khi cán bộ yêu cầu, xin mang các giấy tờ dưới đây đến phường.</translation>
    </message>
    <message>
      <source>Papers for this procedure</source>
      <translation>Giấy tờ của thủ tục này</translation>
    </message>
    <message>
      <source>Photos added: %1</source>
      <translation>Đã thêm %1 ảnh</translation>
    </message>
    <message>
      <source>Place each paper flat under the camera and touch “Take photo”. Only the photos you take are kept, with your dossier. You can also skip this and bring the papers to the ward office.</source>
      <translation>Đặt từng giấy tờ phẳng dưới camera và chạm “Chụp ảnh”. Trạm chỉ giữ những ảnh Ông/Bà chụp, kèm hồ sơ. Ông/Bà cũng có thể bỏ qua bước này và mang giấy tờ đến phường.</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>Đang mở camera…</translation>
    </message>
    <message>
      <source>The camera is not working. You can skip the photos.</source>
      <translation>Camera đang không hoạt động. Ông/Bà có thể bỏ qua bước chụp ảnh.</translation>
    </message>
    <message>
      <source>Take again</source>
      <translation>Chụp lại</translation>
    </message>
    <message>
      <source>Take photo</source>
      <translation>Chụp ảnh</translation>
    </message>
    <message>
      <source>Use it anyway</source>
      <translation>Vẫn dùng ảnh này</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
    <message>
      <source>Skip  ▶</source>
      <translation>Bỏ qua  ▶</translation>
    </message>
    <message>
      <source>Photos of your papers</source>
      <translation>Ảnh giấy tờ</translation>
    </message>
  </context>
  <context>
    <name>ProcedurePickScreen</name>
    <message>
      <source>Submit a dossier</source>
      <translation>Nộp hồ sơ</translation>
    </message>
    <message>
      <source>Choose the procedure: touch it in the list, type a few words, or scan the code on its poster.</source>
      <translation>Chọn thủ tục: chạm vào tên trong danh sách, gõ vài chữ, hoặc quét mã trên tờ hướng dẫn.</translation>
    </message>
    <message>
      <source>Search, e.g. thường trú</source>
      <translation>Tìm, ví dụ: thường trú</translation>
    </message>
    <message>
      <source>⌨  Type</source>
      <translation>⌨  Gõ chữ</translation>
    </message>
    <message>
      <source>▣  Scan poster</source>
      <translation>▣  Quét mã</translation>
    </message>
    <message>
      <source>You chose: %1</source>
      <translation>Đã chọn: %1</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
    <message>
      <source>No procedure matches. Try other words, or ask the staff.</source>
      <translation>Không có thủ tục phù hợp. Xin thử từ khác, hoặc hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Hold the code of the procedure poster in front of the camera</source>
      <translation>Đưa mã trên tờ hướng dẫn thủ tục trước camera</translation>
    </message>
  </context>
  <context>
    <name>ReferenceEntry</name>
    <message>
      <source>e.g. BN01-261121-0007</source>
      <translation>ví dụ BN01-261121-0007</translation>
    </message>
    <message>
      <source>▣  Scan receipt</source>
      <translation>▣  Quét biên nhận</translation>
    </message>
    <message>
      <source>Hold the code on your receipt in front of the camera</source>
      <translation>Đưa mã trên biên nhận trước camera</translation>
    </message>
  </context>
  <context>
    <name>ReviewScreen</name>
    <message>
      <source>Check your dossier</source>
      <translation>Kiểm tra hồ sơ</translation>
    </message>
    <message>
      <source>Read it through. To change something, touch “Change answers”.</source>
      <translation>Xin đọc lại. Muốn sửa, chạm “Sửa thông tin”.</translation>
    </message>
    <message>
      <source>✎  Change answers</source>
      <translation>✎  Sửa thông tin</translation>
    </message>
    <message>
      <source>Everything is right  ▶</source>
      <translation>Thông tin đã đúng  ▶</translation>
    </message>
    <message>
      <source>Submitted online through this station</source>
      <translation>Nộp trực tuyến qua trạm này</translation>
    </message>
    <message>
      <source>Submitted to the ward office through this station</source>
      <translation>Nộp cho phường qua trạm này</translation>
    </message>
    <message>
      <source>Fee: %1</source>
      <translation>Lệ phí: %1</translation>
    </message>
    <message>
      <source>Fee: none</source>
      <translation>Lệ phí: không</translation>
    </message>
    <message>
      <source>Photos of papers: %1</source>
      <translation>Ảnh giấy tờ: %1</translation>
    </message>
    <message>
      <source>No photos of papers</source>
      <translation>Không có ảnh giấy tờ</translation>
    </message>
  </context>
  <context>
    <name>TrackingScreen</name>
    <message>
      <source>Received</source>
      <translation>Đã tiếp nhận</translation>
    </message>
    <message>
      <source>Being processed</source>
      <translation>Đang xử lý</translation>
    </message>
    <message>
      <source>More information needed: please contact the ward office</source>
      <translation>Cần bổ sung thông tin: xin liên hệ phường</translation>
    </message>
    <message>
      <source>Completed: the result is ready</source>
      <translation>Đã có kết quả</translation>
    </message>
    <message>
      <source>Not accepted: please contact the ward office</source>
      <translation>Không được tiếp nhận: xin liên hệ phường</translation>
    </message>
    <message>
      <source>Note from the ward officer: %1</source>
      <translation>Ghi chú của cán bộ phường: %1</translation>
    </message>
    <message>
      <source>Looking up…</source>
      <translation>Đang tra cứu…</translation>
    </message>
    <message>
      <source>This is not a reference number we know.</source>
      <translation>Đây không phải là mã tra cứu hợp lệ.</translation>
    </message>
    <message>
      <source>A reference looks like BN01-261121-0007 or HS-2026-000123. Please check it, or scan the code on your receipt.</source>
      <translation>Mã tra cứu có dạng BN01-261121-0007 hoặc HS-2026-000123. Xin kiểm tra lại, hoặc quét mã trên biên nhận.</translation>
    </message>
    <message>
      <source>Tracking is not available on this station now.</source>
      <translation>Trạm này hiện chưa tra cứu được.</translation>
    </message>
    <message>
      <source>Please ask the staff.</source>
      <translation>Xin hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Dossier %1</source>
      <translation>Hồ sơ %1</translation>
    </message>
    <message>
      <source>This station cannot reach the ward office now. This is the last known status, as of %1.</source>
      <translation>Trạm hiện không kết nối được với phường. Đây là trạng thái gần nhất, lúc %1.</translation>
    </message>
    <message>
      <source>Saved at this station, not sent yet</source>
      <translation>Đang lưu tại trạm, chưa gửi</translation>
    </message>
    <message>
      <source>It will be sent to the ward office as soon as the station is online. Reference %1.</source>
      <translation>Hồ sơ sẽ được gửi đến phường ngay khi trạm có kết nối. Mã %1.</translation>
    </message>
    <message>
      <source>Sent to the ward office</source>
      <translation>Đã gửi đến phường</translation>
    </message>
    <message>
      <source>Sent on %1. The current status cannot be checked now because the station is offline. Please try again later.</source>
      <translation>Đã gửi lúc %1. Trạm đang mất kết nối nên chưa xem được trạng thái mới. Xin thử lại sau.</translation>
    </message>
    <message>
      <source>We found no dossier with this reference.</source>
      <translation>Không tìm thấy hồ sơ có mã này.</translation>
    </message>
    <message>
      <source>Please check the number on your receipt, or ask the staff.</source>
      <translation>Xin kiểm tra lại mã trên biên nhận, hoặc hỏi cán bộ.</translation>
    </message>
    <message>
      <source>The status cannot be checked now.</source>
      <translation>Hiện chưa tra cứu được trạng thái.</translation>
    </message>
    <message>
      <source>This station is offline and has no record of this reference. Please try again later or ask the staff.</source>
      <translation>Trạm đang mất kết nối và không có hồ sơ với mã này. Xin thử lại sau hoặc hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Track a dossier</source>
      <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
      <source>Scan the code on your receipt, or type the code printed on it with the keys below.</source>
      <translation>Quét mã trên biên nhận, hoặc nhập mã tra cứu in trên đó bằng các phím bên dưới.</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Tìm</translation>
    </message>
    <message>
      <source>Fee %1: paid</source>
      <translation>Lệ phí %1: đã nộp</translation>
    </message>
    <message>
      <source>Fee %1: not paid yet</source>
      <translation>Lệ phí %1: chưa nộp</translation>
    </message>
    <message>
      <source>Pay the fee now</source>
      <translation>Nộp lệ phí ngay</translation>
    </message>
  </context>
</TS>