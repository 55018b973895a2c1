from django.test import SimpleTestCase
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import BLOCK_REGISTRY, BodyStreamBlock, LinkBlock


class LinkBlockTests(SimpleTestCase):
    def clean(self, **value):
        block = LinkBlock()
        return block.clean(block.to_python({"page": None, "url": "", "text": "", **value}))

    def test_needs_a_page_or_an_address(self):
        with self.assertRaises(StructBlockValidationError) as raised:
            self.clean()
        self.assertIn("Choose a page or enter an address.", str(raised.exception.block_errors))

    def test_external_link_needs_text(self):
        with self.assertRaises(StructBlockValidationError) as raised:
            self.clean(url="https://oidp.net/")
        self.assertIn("needs a link text", str(raised.exception.block_errors))

    def test_external_link_with_text_is_valid(self):
        value = self.clean(url="https://oidp.net/", text="IOPD")
        self.assertEqual(value["text"], "IOPD")


class BlockRegistryTests(SimpleTestCase):
    def test_every_registered_block_describes_itself(self):
        for name, (block_class, _group) in BLOCK_REGISTRY.items():
            with self.subTest(name):
                meta = block_class._meta_class
                self.assertTrue(getattr(meta, "description", ""), name)
                self.assertTrue(getattr(meta, "template", ""), name)
                self.assertTrue(getattr(meta, "icon", ""), name)

    def test_body_offers_blocks_in_picker_groups(self):
        groups = {child.meta.group for child in BodyStreamBlock().child_blocks.values()}
        self.assertEqual({str(group) for group in groups}, {"Text", "Media", "Links"})

    def test_heading_renders_its_level(self):
        block = BLOCK_REGISTRY["heading"][0]()
        html = block.render(block.to_python({"text": "Results", "level": "h3"}))
        self.assertHTMLEqual(html, '<h3 class="block-heading">Results</h3>')
