<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>ConsultCallScreen</name>
    <message>
      <source>Please sit still and breathe normally.</source>
      <translation>Ông/Bà vui lòng ngồi yên và thở đều.</translation>
    </message>
    <message>
      <source>the doctor</source>
      <translation>bác sĩ</translation>
    </message>
    <message>
      <source>Connecting you with %1…</source>
      <translation>Đang kết nối ông/bà với %1…</translation>
    </message>
    <message>
      <source>You are talking with %1</source>
      <translation>Ông/bà đang nói chuyện với %1</translation>
    </message>
    <message>
      <source>The connection was interrupted. Reconnecting, please wait…</source>
      <translation>Kết nối bị gián đoạn. Đang kết nối lại, vui lòng chờ…</translation>
    </message>
    <message>
      <source>The network is weak: the call goes on with sound only. You can still talk with %1; the picture comes back when the network is better.</source>
      <translation>Mạng yếu: cuộc gọi tạm thời chỉ có tiếng. Ông/Bà vẫn nói chuyện được với %1; hình ảnh sẽ trở lại khi mạng tốt hơn.</translation>
    </message>
    <message>
      <source>Volume %1%</source>
      <translation>Âm lượng %1%</translation>
    </message>
    <message>
      <source>Quieter</source>
      <translation>Nhỏ hơn</translation>
    </message>
    <message>
      <source>Louder</source>
      <translation>To hơn</translation>
    </message>
    <message>
      <source>End call</source>
      <translation>Kết thúc</translation>
    </message>
  </context>
  <context>
    <name>ConsultConsentScreen</name>
    <message>
      <source>Tick the box to call a doctor.</source>
      <translation>Vui lòng đánh dấu vào ô để gọi bác sĩ.</translation>
    </message>
    <message>
      <source>Talk to a doctor online</source>
      <translation>Gặp bác sĩ trực tuyến</translation>
    </message>
    <message>
      <source>A health worker on duty at the ward health station can see and hear you through this station's camera and microphone. The call is not recorded and does not pass through the ward's server.</source>
      <translation>Nhân viên y tế đang trực tại trạm y tế phường sẽ nhìn và nghe ông/bà qua camera và micrô của trạm này. Cuộc gọi không được ghi lại và không đi qua máy chủ của phường.</translation>
    </message>
    <message>
      <source>• your picture and voice during the call</source>
      <translation>• hình ảnh và giọng nói của ông/bà trong cuộc gọi</translation>
    </message>
    <message>
      <source>• the results you just measured</source>
      <translation>• các kết quả ông/bà vừa đo</translation>
    </message>
    <message>
      <source>• your name and age from your ID card</source>
      <translation>• họ tên và tuổi trên căn cước của ông/bà</translation>
    </message>
    <message>
      <source>What the doctor receives:</source>
      <translation>Bác sĩ sẽ nhận được:</translation>
    </message>
    <message>
      <source>I agree to share this</source>
      <translation>Tôi đồng ý chia sẻ</translation>
    </message>
    <message>
      <source>Also show the doctor my earlier readings</source>
      <translation>Cho bác sĩ xem cả các chỉ số tôi đã đo những lần trước</translation>
    </message>
    <message>
      <source>Optional. The ward's server keeps a code made from your ID card number, never the number itself, so that the doctor sees the readings of your earlier calls.</source>
      <translation>Không bắt buộc. Máy chủ của phường chỉ lưu một mã tạo ra từ số căn cước của Ông/Bà, không lưu chính số căn cước, để bác sĩ xem được các chỉ số của những lần gọi trước.</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Call a doctor</source>
      <translation>Gọi bác sĩ</translation>
    </message>
  </context>
  <context>
    <name>ConsultController</name>
    <message>
      <source>Please enter a phone number of 10 digits, starting with 0.</source>
      <translation>Vui lòng nhập số điện thoại 10 chữ số, bắt đầu bằng số 0.</translation>
    </message>
    <message>
      <source>Saving is not available on this station.</source>
      <translation>Trạm này chưa lưu được yêu cầu.</translation>
    </message>
    <message>
      <source>The request could not be saved. Please ask the staff.</source>
      <translation>Không lưu được yêu cầu. Vui lòng hỏi cán bộ tại trạm.</translation>
    </message>
  </context>
  <context>
    <name>ConsultStatusScreen</name>
    <message>
      <source>Finding a doctor on duty…</source>
      <translation>Đang tìm bác sĩ trực…</translation>
    </message>
    <message>
      <source>Please wait a moment</source>
      <translation>Vui lòng chờ trong giây lát</translation>
    </message>
    <message>
      <source>No doctor can answer right now</source>
      <translation>Hiện chưa có bác sĩ nào trả lời được</translation>
    </message>
    <message>
      <source>Your call-back request is saved</source>
      <translation>Đã lưu yêu cầu gọi lại của ông/bà</translation>
    </message>
    <message>
      <source>The call has ended</source>
      <translation>Cuộc gọi đã kết thúc</translation>
    </message>
    <message>
      <source>On duty: %1.</source>
      <translation>Đang trực: %1.</translation>
    </message>
    <message>
      <source>Expected wait: about %1 minutes.</source>
      <translation>Thời gian chờ dự kiến: khoảng %1 phút.</translation>
    </message>
    <message>
      <source>Please stay in front of the screen; the call starts by itself.</source>
      <translation>Vui lòng ngồi trước màn hình; cuộc gọi sẽ tự bắt đầu.</translation>
    </message>
    <message>
      <source>The connection to the ward health station was lost.</source>
      <translation>Mất kết nối tới trạm y tế phường.</translation>
    </message>
    <message>
      <source>Nobody could answer in time.</source>
      <translation>Chưa có ai trả lời kịp.</translation>
    </message>
    <message>
      <source>No doctor is on duty at the moment.</source>
      <translation>Hiện không có bác sĩ trực.</translation>
    </message>
    <message>
      <source>Duty hours: %1.</source>
      <translation>Giờ trực: %1.</translation>
    </message>
    <message>
      <source>Leave your phone number and a doctor will call you back.</source>
      <translation>Ông/bà có thể để lại số điện thoại, bác sĩ sẽ gọi lại.</translation>
    </message>
    <message>
      <source>Reference number: %1. It will be sent to the ward health station when the network is available.</source>
      <translation>Mã tra cứu: %1. Yêu cầu sẽ được gửi tới trạm y tế phường khi có kết nối.</translation>
    </message>
    <message>
      <source>Thank you. If you feel worse, call 115 or go to the ward health station.</source>
      <translation>Cảm ơn ông/bà. Nếu thấy mệt hơn, vui lòng gọi 115 hoặc đến trạm y tế phường.</translation>
    </message>
    <message>
      <source>Phone number</source>
      <translation>Số điện thoại</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Đang in…</translation>
    </message>
    <message>
      <source>Please take the doctor's advice slip.</source>
      <translation>Vui lòng nhận phiếu lời dặn của bác sĩ.</translation>
    </message>
    <message>
      <source>The slip could not be printed.</source>
      <translation>Không in được phiếu.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>In lại</translation>
    </message>
    <message>
      <source>Ask for a call back</source>
      <translation>Gửi yêu cầu gọi lại</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Xong</translation>
    </message>
  </context>
</TS>