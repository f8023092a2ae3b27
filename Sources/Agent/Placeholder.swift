import Probes
import Inventory
