<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>HealthCheckScreen</name>
    <message>
      <source>Keep the cuff on and sit still. Next reading in %1.</source>
      <translation>Giữ nguyên vòng bít và ngồi yên. Lần đo tiếp theo sau %1.</translation>
    </message>
    <message>
      <source>Time left: %1.</source>
      <translation>Còn lại: %1.</translation>
    </message>
    <message>
      <source>Ready. Press “Start measuring”.</source>
      <translation>Đã sẵn sàng. Hãy bấm “Bắt đầu đo”.</translation>
    </message>
    <message>
      <source>Health check</source>
      <translation>Đo sức khỏe</translation>
    </message>
    <message>
      <source>Reading %1 of %2. We take at least two readings and use their average.</source>
      <translation>Lần đo %1/%2. Trạm đo ít nhất hai lần và lấy giá trị trung bình.</translation>
    </message>
    <message>
      <source>This value is very high</source>
      <translation>Chỉ số này rất cao</translation>
    </message>
    <message>
      <source> Staff phone: %1.</source>
      <translation> Điện thoại cán bộ: %1.</translation>
    </message>
    <message>
      <source>If you feel unwell (chest pain, shortness of breath, severe headache, weakness), call 115 now or ask the ward staff.</source>
      <translation>Nếu Ông/Bà thấy không khỏe (đau ngực, khó thở, đau đầu dữ dội, yếu người), hãy gọi 115 ngay hoặc báo cho cán bộ phường.</translation>
    </message>
    <message>
      <source>Start measuring</source>
      <translation>Bắt đầu đo</translation>
    </message>
    <message>
      <source>I have already rested</source>
      <translation>Tôi đã ngồi nghỉ đủ</translation>
    </message>
    <message>
      <source>Skip this one</source>
      <translation>Bỏ qua mục này</translation>
    </message>
    <message>
      <source>Measure again</source>
      <translation>Đo lại</translation>
    </message>
  </context>
  <context>
    <name>HealthChooseScreen</name>
    <message>
      <source>Health check</source>
      <translation>Đo sức khỏe</translation>
    </message>
    <message>
      <source>Measure your blood pressure, blood oxygen, height and weight, and temperature. It is free and takes about 10 minutes. The results are for reference only and are not a diagnosis.</source>
      <translation>Đo huyết áp, nồng độ oxy trong máu, chiều cao, cân nặng và thân nhiệt. Miễn phí, mất khoảng 10 phút. Kết quả chỉ để tham khảo, không phải là chẩn đoán.</translation>
    </message>
    <message>
      <source>Anonymous: nothing is saved unless you ask for it at the end.</source>
      <translation>Ẩn danh: không lưu thông tin gì trừ khi Ông/Bà yêu cầu ở bước cuối.</translation>
    </message>
    <message>
      <source>Measure everything</source>
      <translation>Đo tất cả</translation>
    </message>
    <message>
      <source>Or choose one measurement:</source>
      <translation>Hoặc chọn một mục đo:</translation>
    </message>
    <message>
      <source>Talk to a doctor online</source>
      <translation>Gặp bác sĩ trực tuyến</translation>
    </message>
    <message>
      <source>Not available right now: %1.</source>
      <translation>Hiện chưa sẵn sàng: %1.</translation>
    </message>
  </context>
  <context>
    <name>HealthConsentScreen</name>
    <message>
      <source>Tick the box, then scan the QR code on your ID card.</source>
      <translation>Hãy đánh dấu vào ô đồng ý, sau đó quét mã QR trên căn cước của Ông/Bà.</translation>
    </message>
    <message>
      <source>Now press “Scan my ID card”.</source>
      <translation>Bây giờ hãy bấm “Quét căn cước”.</translation>
    </message>
    <message>
      <source>Hold the QR code of your ID card in front of the camera.</source>
      <translation>Đưa mã QR trên căn cước vào trước camera.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Đang lưu…</translation>
    </message>
    <message>
      <source>Saved. Your reference number is %1. It will be sent to the ward health station when the network is available.</source>
      <translation>Đã lưu. Mã số của Ông/Bà là %1. Kết quả sẽ được gửi đến trạm y tế phường khi có kết nối.</translation>
    </message>
    <message>
      <source>Your results could not be saved. Nothing was stored. You can try again or ask the staff.</source>
      <translation>Không lưu được kết quả. Chưa có thông tin nào được lưu. Vui lòng thử lại hoặc nhờ cán bộ hỗ trợ.</translation>
    </message>
    <message>
      <source>Saving is not available on this station. Please print the slip and show it at the health station.</source>
      <translation>Trạm này chưa lưu được kết quả. Hãy in phiếu và mang đến trạm y tế.</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Đang in…</translation>
    </message>
    <message>
      <source>Please take your slip.</source>
      <translation>Mời Ông/Bà nhận phiếu kết quả.</translation>
    </message>
    <message>
      <source>The slip could not be printed. Please write down your reference number.</source>
      <translation>Không in được phiếu. Vui lòng ghi lại mã số này.</translation>
    </message>
    <message>
      <source>Save to your health record</source>
      <translation>Lưu vào hồ sơ sức khỏe</translation>
    </message>
    <message>
      <source>If you agree, these results are saved together with your ID number, name and date of birth from your ID card, and sent to the ward health station for your health record. They are used only for your care. You can ask the health station to delete them at any time. If you do not agree, nothing is saved.</source>
      <translation>Nếu Ông/Bà đồng ý, kết quả này được lưu cùng số định danh, họ tên và ngày sinh trên căn cước của Ông/Bà, rồi gửi đến trạm y tế phường để đưa vào hồ sơ sức khỏe. Thông tin chỉ dùng để chăm sóc sức khỏe cho Ông/Bà. Ông/Bà có thể đề nghị trạm y tế xóa bất cứ lúc nào. Nếu Ông/Bà không đồng ý, không có gì được lưu.</translation>
    </message>
    <message>
      <source>I agree to save my results</source>
      <translation>Tôi đồng ý lưu kết quả</translation>
    </message>
    <message>
      <source>Scan my ID card</source>
      <translation>Quét căn cước</translation>
    </message>
    <message>
      <source>Print slip with reference</source>
      <translation>In phiếu có mã số</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Kết thúc</translation>
    </message>
  </context>
  <context>
    <name>HealthController</name>
    <message>
      <source>Health check</source>
      <translation>Đo sức khỏe</translation>
    </message>
    <message>
      <source>Scan the QR code on your ID card</source>
      <translation>Quét mã QR trên căn cước</translation>
    </message>
  </context>
  <context>
    <name>HealthResultsScreen</name>
    <message>
      <source>Printing…</source>
      <translation>Đang in…</translation>
    </message>
    <message>
      <source>Please take your slip.</source>
      <translation>Mời Ông/Bà nhận phiếu kết quả.</translation>
    </message>
    <message>
      <source>The slip could not be printed. Please take a photo of this screen.</source>
      <translation>Không in được phiếu. Vui lòng chụp ảnh màn hình này.</translation>
    </message>
    <message>
      <source>Average of %1 readings.</source>
      <translation>Trung bình của %1 lần đo.</translation>
    </message>
    <message>
      <source>Only one reading: please measure again on another day to confirm.</source>
      <translation>Chỉ có một lần đo: hãy đo lại vào ngày khác để khẳng định.</translation>
    </message>
    <message>
      <source>SpO2 from a finger sensor is an estimate: the real value may differ by a few percent (more with cold hands, nail polish or dark skin).</source>
      <translation>SpO2 đo ở ngón tay chỉ là giá trị ước tính: giá trị thật có thể chênh vài phần trăm (nhiều hơn khi tay lạnh, sơn móng tay hoặc da sẫm màu).</translation>
    </message>
    <message>
      <source>Your results</source>
      <translation>Kết quả đo</translation>
    </message>
    <message>
      <source>For reference only, not a diagnosis. If you feel unwell or a value is outside the usual range, please see a doctor.</source>
      <translation>Kết quả chỉ để tham khảo, không phải là chẩn đoán. Nếu Ông/Bà thấy không khỏe hoặc có chỉ số ngoài khoảng thông thường, hãy đi khám bác sĩ.</translation>
    </message>
    <message>
      <source>Please get medical help now</source>
      <translation>Hãy tìm trợ giúp y tế ngay</translation>
    </message>
    <message>
      <source> Staff phone: %1.</source>
      <translation> Điện thoại cán bộ: %1.</translation>
    </message>
    <message>
      <source>One of your values is in the dangerous range. Call 115 (emergency) or ask the ward staff for help right away.</source>
      <translation>Có chỉ số ở mức nguy hiểm. Hãy gọi 115 (cấp cứu) hoặc báo ngay cho cán bộ phường để được giúp đỡ.</translation>
    </message>
    <message>
      <source>Print the results slip</source>
      <translation>In phiếu kết quả</translation>
    </message>
    <message>
      <source>Save to my record</source>
      <translation>Lưu vào hồ sơ</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Kết thúc</translation>
    </message>
    <message>
      <source>Talk to a doctor online</source>
      <translation>Gặp bác sĩ trực tuyến</translation>
    </message>
  </context>
  <context>
    <name>HealthTexts</name>
    <message>
      <source>Blood pressure</source>
      <translation>Huyết áp</translation>
    </message>
    <message>
      <source>Blood oxygen (SpO2) and pulse</source>
      <translation>Oxy trong máu (SpO2) và mạch</translation>
    </message>
    <message>
      <source>Height, weight and BMI</source>
      <translation>Chiều cao, cân nặng và BMI</translation>
    </message>
    <message>
      <source>Body temperature</source>
      <translation>Thân nhiệt</translation>
    </message>
    <message>
      <source>Pulse</source>
      <translation>Mạch</translation>
    </message>
    <message>
      <source>SpO2</source>
      <translation>SpO2</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>Cân nặng</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>Chiều cao</translation>
    </message>
    <message>
      <source>BMI</source>
      <translation>BMI</translation>
    </message>
    <message>
      <source>Temperature</source>
      <translation>Nhiệt độ</translation>
    </message>
    <message>
      <source>SpO2 and pulse</source>
      <translation>SpO2 và mạch</translation>
    </message>
    <message>
      <source>Height and weight</source>
      <translation>Chiều cao, cân nặng</translation>
    </message>
    <message>
      <source>Optimal</source>
      <translation>Tối ưu</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>Bình thường</translation>
    </message>
    <message>
      <source>High-normal: a little above the ideal range</source>
      <translation>Bình thường cao: hơi cao hơn mức lý tưởng</translation>
    </message>
    <message>
      <source>Higher than normal (grade 1 hypertension range)</source>
      <translation>Cao hơn bình thường (trong khoảng tăng huyết áp độ 1)</translation>
    </message>
    <message>
      <source>Clearly higher than normal (grade 2 hypertension range)</source>
      <translation>Cao rõ so với bình thường (trong khoảng tăng huyết áp độ 2)</translation>
    </message>
    <message>
      <source>Very high (grade 3 hypertension range)</source>
      <translation>Rất cao (trong khoảng tăng huyết áp độ 3)</translation>
    </message>
    <message>
      <source>Upper value higher than normal (isolated systolic range)</source>
      <translation>Chỉ số trên cao hơn bình thường (khoảng tăng huyết áp tâm thu đơn độc)</translation>
    </message>
    <message>
      <source>Elevated</source>
      <translation>Tăng nhẹ</translation>
    </message>
    <message>
      <source>Higher than normal (stage 1 range)</source>
      <translation>Cao hơn bình thường (trong khoảng giai đoạn 1)</translation>
    </message>
    <message>
      <source>Clearly higher than normal (stage 2 range)</source>
      <translation>Cao rõ so với bình thường (trong khoảng giai đoạn 2)</translation>
    </message>
    <message>
      <source>Very high (crisis range)</source>
      <translation>Rất cao (trong khoảng cơn tăng huyết áp)</translation>
    </message>
    <message>
      <source>Below the healthy weight range</source>
      <translation>Thấp hơn khoảng cân nặng hợp lý</translation>
    </message>
    <message>
      <source>In the healthy range</source>
      <translation>Trong khoảng hợp lý</translation>
    </message>
    <message>
      <source>Above the healthy range (overweight, Asian cut-off 23)</source>
      <translation>Cao hơn khoảng hợp lý (thừa cân, ngưỡng cho người châu Á là 23)</translation>
    </message>
    <message>
      <source>Well above the healthy range (obesity class I, Asian cut-off 25)</source>
      <translation>Cao hơn nhiều so với khoảng hợp lý (béo phì độ I, ngưỡng cho người châu Á là 25)</translation>
    </message>
    <message>
      <source>Far above the healthy range (obesity class II)</source>
      <translation>Cao hơn rất nhiều so với khoảng hợp lý (béo phì độ II)</translation>
    </message>
    <message>
      <source>In the usual range</source>
      <translation>Trong khoảng thông thường</translation>
    </message>
    <message>
      <source>Lower than usual</source>
      <translation>Thấp hơn thông thường</translation>
    </message>
    <message>
      <source>Very low</source>
      <translation>Rất thấp</translation>
    </message>
    <message>
      <source>In the usual resting range</source>
      <translation>Trong khoảng thông thường khi nghỉ</translation>
    </message>
    <message>
      <source>Slower than usual at rest</source>
      <translation>Chậm hơn thông thường khi nghỉ</translation>
    </message>
    <message>
      <source>Faster than usual at rest</source>
      <translation>Nhanh hơn thông thường khi nghỉ</translation>
    </message>
    <message>
      <source>Slightly raised</source>
      <translation>Hơi cao</translation>
    </message>
    <message>
      <source>Fever range</source>
      <translation>Trong khoảng sốt</translation>
    </message>
    <message>
      <source>High fever range</source>
      <translation>Trong khoảng sốt cao</translation>
    </message>
    <message>
      <source>Keep up your healthy habits.</source>
      <translation>Hãy duy trì thói quen sống lành mạnh.</translation>
    </message>
    <message>
      <source>Keep an eye on it and measure again on another day.</source>
      <translation>Hãy theo dõi và đo lại vào một ngày khác.</translation>
    </message>
    <message>
      <source>Please see a doctor or your health station soon.</source>
      <translation>Hãy sớm đến bác sĩ hoặc trạm y tế để được khám.</translation>
    </message>
    <message>
      <source>Please get medical help now.</source>
      <translation>Hãy tìm trợ giúp y tế ngay.</translation>
    </message>
    <message>
      <source>Usual range</source>
      <translation>Bình thường</translation>
    </message>
    <message>
      <source>Attention</source>
      <translation>Cần chú ý</translation>
    </message>
    <message>
      <source>See a doctor</source>
      <translation>Nên đi khám</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>Khẩn cấp</translation>
    </message>
    <message>
      <source>Measured with a device model that is not on a clinical validation list.</source>
      <translation>Đo bằng loại máy chưa có trong danh sách thiết bị đã được thẩm định lâm sàng.</translation>
    </message>
    <message>
      <source>The device's calibration date has passed.</source>
      <translation>Thiết bị đã quá hạn hiệu chuẩn.</translation>
    </message>
    <message>
      <source>The device is not in the ward's device register.</source>
      <translation>Thiết bị chưa có trong sổ thiết bị của phường.</translation>
    </message>
    <message>
      <source>The device's calibration date is not recorded.</source>
      <translation>Chưa ghi nhận ngày hiệu chuẩn của thiết bị.</translation>
    </message>
    <message>
      <source>Demonstration device: these are not real measurements.</source>
      <translation>Thiết bị mô phỏng: đây không phải kết quả đo thật.</translation>
    </message>
    <message>
      <source>Unknown device.</source>
      <translation>Không rõ thiết bị.</translation>
    </message>
    <message>
      <source>Put your finger all the way into the clip.</source>
      <translation>Hãy đưa ngón tay vào hết kẹp đo.</translation>
    </message>
    <message>
      <source>Looking for your pulse… keep your hand still.</source>
      <translation>Đang tìm mạch… hãy giữ yên tay.</translation>
    </message>
    <message>
      <source>The sensor cannot read. Take your finger out and put it in again.</source>
      <translation>Cảm biến chưa đọc được. Hãy rút ngón tay ra rồi đặt lại.</translation>
    </message>
    <message>
      <source>Measuring… keep still.</source>
      <translation>Đang đo… hãy giữ yên.</translation>
    </message>
    <message>
      <source>Press the start button on the device and keep still.</source>
      <translation>Hãy bấm nút bắt đầu trên máy đo và giữ yên.</translation>
    </message>
    <message>
      <source>Almost done… keep still.</source>
      <translation>Sắp xong… hãy giữ yên.</translation>
    </message>
    <message>
      <source>The device is reconnecting, please wait…</source>
      <translation>Thiết bị đang kết nối lại, vui lòng chờ…</translation>
    </message>
    <message>
      <source>The device gave a value that cannot be right. This happens when the arm or finger moves. Let us measure again.</source>
      <translation>Máy cho kết quả không hợp lý. Điều này xảy ra khi tay hoặc ngón tay cử động. Hãy đo lại.</translation>
    </message>
    <message>
      <source>No result came from the device. You can try again or skip this measurement.</source>
      <translation>Chưa nhận được kết quả từ máy đo. Ông/Bà có thể thử lại hoặc bỏ qua mục này.</translation>
    </message>
    <message>
      <source>This device is not available right now.</source>
      <translation>Thiết bị này hiện chưa sẵn sàng.</translation>
    </message>
    <message>
      <source>Could not measure after several tries.</source>
      <translation>Không đo được sau nhiều lần thử.</translation>
    </message>
    <message>
      <source>Skipped.</source>
      <translation>Đã bỏ qua.</translation>
    </message>
    <message>
      <source>Something went wrong with the device.</source>
      <translation>Thiết bị gặp sự cố.</translation>
    </message>
    <message>
      <source>Sit with your back against the chair and both feet flat on the floor. Do not cross your legs.</source>
      <translation>Ngồi tựa lưng vào ghế, hai bàn chân đặt phẳng trên sàn. Không bắt chéo chân.</translation>
    </message>
    <message>
      <source>Put the cuff on your bare upper arm, 2 cm above the elbow, with the tube on the inside.</source>
      <translation>Quấn vòng bít vào bắp tay trần, cách khuỷu tay 2 cm, ống dẫn ở phía trong cánh tay.</translation>
    </message>
    <message>
      <source>Rest your arm on the table so the cuff is at the height of your heart.</source>
      <translation>Đặt tay lên bàn sao cho vòng bít ngang với tim.</translation>
    </message>
    <message>
      <source>Do not talk or move while the cuff inflates.</source>
      <translation>Không nói chuyện, không cử động khi vòng bít bơm hơi.</translation>
    </message>
    <message>
      <source>Remove nail polish or a false nail from the finger if you can.</source>
      <translation>Nếu được, hãy bỏ sơn móng hoặc móng giả ở ngón tay đo.</translation>
    </message>
    <message>
      <source>Put your index finger all the way into the clip, nail up.</source>
      <translation>Đưa ngón trỏ vào hết kẹp đo, móng tay hướng lên trên.</translation>
    </message>
    <message>
      <source>Rest your hand on the table and keep it still until the value stays the same.</source>
      <translation>Đặt tay lên bàn và giữ yên cho đến khi chỉ số không thay đổi.</translation>
    </message>
    <message>
      <source>Take off your shoes and anything heavy (bag, coat).</source>
      <translation>Cởi giày dép và bỏ đồ nặng (túi, áo khoác).</translation>
    </message>
    <message>
      <source>Stand straight in the middle of the platform, heels against the post, looking ahead.</source>
      <translation>Đứng thẳng ở giữa bàn cân, gót chân sát cột đo, mắt nhìn thẳng.</translation>
    </message>
    <message>
      <source>Stay still until the station beeps.</source>
      <translation>Đứng yên cho đến khi máy kêu bíp.</translation>
    </message>
    <message>
      <source>Push your hair away from your forehead.</source>
      <translation>Vén tóc khỏi trán.</translation>
    </message>
    <message>
      <source>Hold your forehead 3–5 cm in front of the sensor.</source>
      <translation>Đưa trán cách cảm biến 3–5 cm.</translation>
    </message>
    <message>
      <source>Stay still for a few seconds.</source>
      <translation>Giữ yên trong vài giây.</translation>
    </message>
    <message>
      <source>Sit down and rest quietly for 3–5 minutes before the first reading. Resting makes the result more accurate.</source>
      <translation>Hãy ngồi nghỉ yên lặng 3–5 phút trước lần đo đầu tiên. Nghỉ ngơi giúp kết quả chính xác hơn.</translation>
    </message>
    <message>
      <source>beats/min</source>
      <translation>lần/phút</translation>
    </message>
    <message>
      <source>decimal separator</source>
      <translation>,</translation>
    </message>
    <message>
      <source>Blood pressure: average of %1 readings.</source>
      <translation>Huyết áp: trung bình của %1 lần đo.</translation>
    </message>
    <message>
      <source>Blood pressure: only one reading; measure again on another day to confirm.</source>
      <translation>Huyết áp: chỉ có một lần đo; hãy đo lại vào ngày khác để khẳng định.</translation>
    </message>
    <message>
      <source>SpO2 from a finger sensor is an estimate.</source>
      <translation>SpO2 đo ở ngón tay chỉ là giá trị ước tính.</translation>
    </message>
  </context>
  <context>
    <name>UrgentBanner</name>
    <message>
      <source>Send this reading to the ward health worker</source>
      <translation>Gửi kết quả này cho cán bộ y tế phường</translation>
    </message>
    <message>
      <source>Sending to the ward health worker…</source>
      <translation>Đang gửi cho cán bộ y tế phường…</translation>
    </message>
    <message>
      <source>Sent. The ward health worker has been alerted.</source>
      <translation>Đã gửi. Cán bộ y tế phường đã được báo.</translation>
    </message>
    <message>
      <source>A health worker has received your reading and is on the way.</source>
      <translation>Cán bộ y tế đã nhận kết quả, đang đến.</translation>
    </message>
    <message>
      <source>The station cannot reach the ward now. Please call 115 or the staff phone.</source>
      <translation>Trạm chưa liên lạc được với phường. Vui lòng gọi 115 hoặc số điện thoại cán bộ.</translation>
    </message>
  </context>
</TS>