package org.contactguard.core.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds Traditional Chinese characters to their Simplified forms, so that a term written in either
 * script matches text written in either. A small table, not a converter: it covers the characters of
 * the shipped term lists and the most common Traditional characters, one character at a time
 * (several Traditional characters may fold to one Simplified one, e.g. 發 and 髮 to 发). Folding is
 * applied to terms and text alike, so a character the table lacks still matches itself.
 */
final class ChineseVariants {

    /** Pairs of (Traditional, Simplified) characters, all in the Basic Multilingual Plane. */
    static final String PAIRS =
            "殺杀斷断讓让門门潑泼糞粪著着後后負负訊讯錄录敗败蹤踪貼贴報报橫横樂乐紙纸錢钱電电們们傳传檢检執执務务員员緝缉單单聯联網网" +
            "戶户記记響响勞劳獄狱據据凍冻結结牽牵連连貸贷養养還还親亲現现額额費费滯滞納纳債债帳账賬账罵骂賤贱廢废腦脑殘残騙骗臉脸賴赖" +
            "豬猪東东槍枪燒烧綁绑學学會会將将讀读爾尔鄰邻寫写書书張张聲声機机話话處处罰罚審审決决議议證证調调發发給给與与為为這这個个" +
            "說说對对時时間间見见問问題题應应該该點点過过車车專专業业紀纪訴诉訟讼師师當当邊边條条關关區区號号碼码醫医療疗險险壞坏惡恶" +
            "嚇吓脅胁鬧闹眾众衆众圍围擾扰騷骚隱隐導导難难辦办轉转補补夠够並并從从雙双歲岁禮礼龍龙廣广華华國国內内開开閃闪閱阅獨独灣湾" +
            "產产頭头買买賣卖續续實实際际陸陆陰阴陽阳隊队階阶場场塊块壓压墳坟夢梦奪夺婦妇媽妈孫孙寶宝尋寻屬属島岛幣币帥帅帶带幫帮幹干" +
            "廠厂廳厅彈弹強强歸归徑径復复徹彻態态憂忧懷怀戰战戲戏撥拨擇择擊击擔担擁拥擋挡攝摄敵敌數数於于晝昼暫暂曆历歷历極极構构標标" +
            "樣样樹树橋桥權权歡欢殼壳氣气漢汉濟济災灾熱热爭争牆墙狀状獎奖獻献環环畫画盡尽監监盤盘確确礙碍稅税種种穩稳窮穷競竞筆笔範范" +
            "簡简類类糧粮緊紧級级紅红約约細细終终組组經经綠绿維维緣缘線线練练縣县總总績绩織织繼继義义習习聖圣聞闻職职腳脚興兴舉举舊旧" +
            "藝艺蘇苏虛虚蟲虫術术衛卫衝冲裝装製制複复規规視视覺觉觀观計计訂订認认討讨訓训設设許许評评試试詳详語语誤误請请諾诺變变豐丰" +
            "貝贝財财責责貨货質质購购貴贵資资賽赛贏赢趕赶跡迹躍跃軍军軟软輕轻較较載载輸输農农進进遠远運运達达遲迟選选遺遗鄉乡釋释針针" +
            "鈔钞鐵铁銀银銷销鎖锁鏈链長长閉闭閒闲雖虽雜杂離离雲云靈灵項项順顺須须預预領领頻频顏颜願愿顧顾風风飛飞飯饭館馆馬马驗验驚惊" +
            "體体髮发鬥斗魚鱼鳥鸟麥麦黃黄齊齐齒齿徵征繫系係系違违訪访噴喷裡里裏里麼么麽么嗎吗沒没滅灭墮堕屍尸喪丧棄弃綫线厲厉罷罢鎮镇" +
            "鋼钢錯错鍵键閘闸陣阵陳陈隨随顯显飽饱騰腾鬆松麵面黨党傷伤價价僅仅優优兒儿兩两冊册凈净劃划劍剑勁劲動动勢势勵励協协卻却廁厕" +
            "參参吳吴啟启嚴严團团園园圖图壽寿夾夹奧奥寧宁寬宽層层嶺岭巖岩幾几廟庙弔吊恆恒惱恼愛爱慣惯慶庆慮虑憑凭懲惩懶懒戀恋掃扫換换" +
            "損损搶抢撲扑擴扩擬拟攔拦斬斩曬晒朧胧棧栈棟栋楊杨榮荣槓杠歐欧殲歼毀毁氫氢況况測测湧涌滿满漁渔潔洁澤泽濃浓濕湿灑洒灘滩煙烟" +
            "煩烦燈灯爐炉犧牺獵猎瑪玛瓊琼疊叠瘋疯癢痒皺皱盜盗睜睁矯矫碩硕磚砖禍祸禦御禪禅稱称穀谷窩窝竊窃筍笋築筑簽签籃篮籠笼紛纷紹绍" +
            "絕绝絡络統统絲丝綜综緒绪編编緩缓縮缩繩绳繪绘罈坛羅罗聰聪膽胆臟脏臨临艦舰莊庄藥药蘭兰虧亏襲袭覽览誇夸誌志誰谁課课談谈謝谢" +
            "謠谣識识護护讚赞豈岂貓猫貧贫貪贪貫贯賀贺賜赐賠赔賦赋賺赚贊赞贈赠趙赵轄辖辭辞邏逻郵邮醜丑銅铜鋪铺鍋锅鐘钟鑒鉴闖闯隻只雞鸡" +
            "霧雾韋韦頁页頂顶頓顿頸颈顆颗餘余騎骑驅驱驢驴鬍胡魯鲁鴨鸭鶴鹤鹽盐麗丽";

    private static final Map<Character, Character> TO_SIMPLIFIED = table();

    private ChineseVariants() {
    }

    /** The Simplified form of {@code codePoint}, or {@code codePoint} itself when the table has none. */
    static int toSimplified(int codePoint) {
        if (codePoint > Character.MAX_VALUE) {
            return codePoint;
        }
        Character simplified = TO_SIMPLIFIED.get((char) codePoint);
        return simplified == null ? codePoint : simplified;
    }

    /** Number of Traditional characters the table folds. */
    static int size() {
        return TO_SIMPLIFIED.size();
    }

    private static Map<Character, Character> table() {
        Map<Character, Character> table = new HashMap<>();
        for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
            table.put(PAIRS.charAt(i), PAIRS.charAt(i + 1));
        }
        return Map.copyOf(table);
    }
}
