// Heap used by a queue of 100,000 items: java -cp "target/classes:target/lib/*" bench/QueueHeap.java
import dev.ferry.transfer.*;
import java.nio.file.Path;
import java.util.*;
public class QueueHeap { public static void main(String[] a) throws Exception {
  Runtime rt = Runtime.getRuntime();
  System.gc(); Thread.sleep(200); long before = rt.totalMemory() - rt.freeMemory();
  TransferQueue q = new TransferQueue(QueueOptions.defaults());
  List<NewTransfer> batch = new ArrayList<>();
  for (int i = 0; i < 100_000; i++) {
    batch.add(NewTransfer.download("ftpes://alice@ftp.example.org:21", "/home/alice/projects/photos/2024/folder" + (i / 1000) + "/IMG_" + i + ".jpg",
        Path.of("/home/alice/Downloads/photos/2024/folder" + (i / 1000) + "/IMG_" + i + ".jpg"), 3_000_000L + i));
  }
  q.add(batch); batch = null;
  System.gc(); Thread.sleep(200); System.gc(); long after = rt.totalMemory() - rt.freeMemory();
  long t = System.nanoTime(); QueueTotals tot = q.totals(); long tt = System.nanoTime() - t;
  t = System.nanoTime(); int n = q.snapshots().size(); long ts = System.nanoTime() - t;
  System.out.printf("100k items: %.1f MB heap; totals() %.1f ms; snapshots() %.1f ms (%d)%n", (after - before) / 1e6, tt / 1e6, ts / 1e6, n);
}}
